import { describe, expect, it } from "vitest";
import type { Frame, SocketKind, TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { DEFAULT_LIMITS } from "../sandbox/limits.js";
import { MessageAttributor } from "./attribute.js";

const HOLD_MS = DEFAULT_LIMITS.TRACE_HOLD_MS;
import { LinkModel } from "./link-model.js";
import { withLinks } from "./trace-processor.js";

/** An attributor fed the way the trace processor feeds it: the link model applied first. */
function attributor() {
  const model = new LinkModel();
  const a = new MessageAttributor(model);
  return { push: (events: TraceEvent[], now?: number) => a.push(withLinks(model, events), now), flush: () => a.flush() };
}

const frame = (text: string, envelope?: Frame["envelope"]): Frame => ({
  size: text.length,
  preview: text,
  head: Buffer.from(text).toString("base64"),
  ...(envelope ? { envelope } : {}),
});
const open = (socket: string, kind: SocketKind, t = 0): TraceEvent => ({ type: "socket/open", t, socket, kind, label: kind, thread: 0 });
const bind = (socket: string, kind: SocketKind, endpoint: string, t = 1): TraceEvent => ({
  type: "socket/bind",
  t,
  socket,
  kind,
  endpoint,
  resolved: endpoint,
});
const connect = (socket: string, kind: SocketKind, endpoint: string, t = 2): TraceEvent => ({ type: "socket/connect", t, socket, kind, endpoint });
const send = (socket: string, kind: SocketKind, fp: string, t: number, frames = [frame(fp)]): TraceEvent => ({
  type: "message/send",
  t,
  socket,
  kind,
  frames,
  seq: 1,
  fp,
});
const recv = (socket: string, kind: SocketKind, fp: string, t: number, frames = [frame(fp)]): TraceEvent => ({
  type: "message/recv",
  t,
  socket,
  kind,
  frames,
  seq: 1,
  fp,
});

const receives = (events: TraceEvent[]) =>
  events.filter((e): e is TraceEventOf<"message/recv"> => e.type === "message/recv").map((e) => `${e.socket}<${e.from ?? "?"}`);

describe("message attribution", () => {
  it("gives each PUSH message to the PULL that received it", () => {
    const a = attributor();
    const out = a.push([
      open("s1", "PUSH"),
      bind("s1", "PUSH", "tcp://127.0.0.1:5000"),
      open("s2", "PULL"),
      connect("s2", "PULL", "tcp://localhost:5000"),
      open("s3", "PULL"),
      connect("s3", "PULL", "tcp://*:5000"),
      send("s1", "PUSH", "aaaa0001", 10),
      send("s1", "PUSH", "aaaa0002", 11),
      recv("s3", "PULL", "aaaa0002", 12),
      recv("s2", "PULL", "aaaa0001", 13),
    ]);
    expect(receives(out)).toEqual(["s3<s1", "s2<s1"]);
  });

  it("lets one PUB send reach each subscriber once, and picks the sender among several publishers", () => {
    const a = attributor();
    const out = a.push([
      open("s1", "PUB"),
      bind("s1", "PUB", "inproc://a"),
      open("s2", "PUB"),
      bind("s2", "PUB", "inproc://b"),
      open("s3", "SUB"),
      connect("s3", "SUB", "inproc://a"),
      connect("s3", "SUB", "inproc://b"),
      open("s4", "SUB"),
      connect("s4", "SUB", "inproc://a"),
      send("s2", "PUB", "bbbb0001", 10),
      send("s1", "PUB", "aaaa0001", 11),
      recv("s3", "SUB", "aaaa0001", 12),
      recv("s4", "SUB", "aaaa0001", 12),
      recv("s3", "SUB", "bbbb0001", 13),
    ]);
    expect(receives(out)).toEqual(["s3<s1", "s4<s1", "s3<s2"]);
  });

  it("holds a receive whose send comes later (another thread), keeping the order, then releases it attributed", () => {
    const a = attributor();
    const setup = [open("s1", "PULL"), bind("s1", "PULL", "inproc://x"), open("w1.s1", "PUSH"), open("w1.s2", "PUSH")];
    const links = [connect("w1.s1", "PUSH", "inproc://x"), connect("w1.s2", "PUSH", "inproc://x")];
    expect(a.push([...setup, ...links, recv("s1", "PULL", "cccc0001", 20), open("s9", "PAIR", 21)]).map((e) => e.type)).toEqual([
      "socket/open",
      "socket/bind",
      "socket/open",
      "socket/open",
      "socket/connect",
      "link/up",
      "socket/connect",
      "link/up",
    ]);
    const out = a.push([send("w1.s2", "PUSH", "cccc0001", 19)]);
    expect(out.map((e) => e.type)).toEqual(["message/recv", "socket/open", "message/send"]);
    expect(receives(out)).toEqual(["s1<w1.s2"]);
  });

  it("releases an unmatched receive after the hold time, guessing the sender only when there is one", () => {
    const a = attributor();
    a.push([open("s1", "PULL"), bind("s1", "PULL", "inproc://x"), open("s2", "PUSH"), connect("s2", "PUSH", "inproc://x")]);
    expect(a.push([recv("s1", "PULL", "dddd0001", 10)])).toEqual([]);
    expect(receives(a.push([], 10 + HOLD_MS))).toEqual(["s1<s2"]);
  });

  it("matches ROUTER and DEALER through their envelopes and learns which peer an identity is", () => {
    const a = attributor();
    const out = a.push([
      open("s1", "ROUTER"),
      bind("s1", "ROUTER", "inproc://r"),
      open("s2", "DEALER"),
      connect("s2", "DEALER", "inproc://r"),
      open("s3", "DEALER"),
      connect("s3", "DEALER", "inproc://r"),
      send("s2", "DEALER", "eeee0001", 10, [frame("", "delimiter"), frame("ping")]),
      recv("s1", "ROUTER", "eeee0001", 11, [frame("id-2", "identity"), frame("", "delimiter"), frame("ping")]),
      send("s1", "ROUTER", "eeee0002", 12, [frame("id-2", "identity"), frame("", "delimiter"), frame("pong")]),
      recv("s2", "DEALER", "eeee0002", 13, [frame("", "delimiter"), frame("pong")]),
    ]);
    expect(receives(out)).toEqual(["s1<s2", "s2<s1"]);
    expect(out.find((e) => e.type === "message/send" && e.socket === "s1")).toMatchObject({ peer: "s2" });
  });

  it("flushes everything still held at the end of the run", () => {
    const a = attributor();
    a.push([open("s1", "PULL"), recv("s1", "PULL", "ffff0001", 5), open("s2", "PUSH", 6)]);
    expect(a.flush().map((e) => e.type)).toEqual(["message/recv", "socket/open"]);
  });
});
