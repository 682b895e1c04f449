import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import { followMessage } from "./follow.js";
import { reduceGraphAll } from "./model/reducer.js";

type Kind = "REQ" | "REP" | "ROUTER" | "DEALER";
let t = 0;
const open = (socket: string, kind: Kind): TraceEvent => ({ type: "socket/open", t: t++, socket, kind, label: `${kind} main.ts:${t}`, thread: 0 });
const bind = (socket: string, kind: Kind, endpoint: string): TraceEvent => ({ type: "socket/bind", t: t++, socket, kind, endpoint });
const connect = (socket: string, kind: Kind, endpoint: string): TraceEvent => ({ type: "socket/connect", t: t++, socket, kind, endpoint });
/** The server's link model says which bind a connect reached. */
const link = (from: string, to: string, endpoint: string): TraceEvent => ({ type: "link/up", t: t++, link: `l${t}`, from, to, endpoint, transport: "inproc" });
const frame = (text: string) => ({ size: text.length, preview: text, encoding: "utf8" as const });
const send = (socket: string, kind: Kind, fp: string, body: string): TraceEvent => ({
  type: "message/send",
  t: t++,
  socket,
  kind,
  seq: t,
  fp,
  frames: [frame(body)],
});
const recv = (socket: string, kind: Kind, fp: string, body: string, from: string): TraceEvent => ({
  type: "message/recv",
  t: t++,
  socket,
  kind,
  seq: t,
  fp,
  from,
  frames: [frame(body)],
});

const topology: TraceEvent[] = [
  open("front", "ROUTER"),
  bind("front", "ROUTER", "inproc://f"),
  open("back", "DEALER"),
  bind("back", "DEALER", "inproc://b"),
  open("c1", "REQ"),
  connect("c1", "REQ", "inproc://f"),
  link("c1", "front", "inproc://f"),
  open("c2", "REQ"),
  connect("c2", "REQ", "inproc://f"),
  link("c2", "front", "inproc://f"),
  open("w1", "REP"),
  connect("w1", "REP", "inproc://b"),
  link("w1", "back", "inproc://b"),
  open("w2", "REP"),
  connect("w2", "REP", "inproc://b"),
  link("w2", "back", "inproc://b"),
];
/** One request through the queue and its reply; the same body "hello" is sent twice, by both clients. */
const trip = (client: string, worker: string, reply: string): TraceEvent[] => [
  send(client, "REQ", "aaaa0001", "hello"),
  recv("front", "ROUTER", "aaaa0001", "hello", client),
  send("back", "DEALER", "aaaa0001", "hello"),
  recv(worker, "REP", "aaaa0001", "hello", "back"),
  send(worker, "REP", reply, "world"),
  recv("back", "DEALER", reply, "world", worker),
  send("front", "ROUTER", reply, "world"),
  recv(client, "REQ", reply, "world", "front"),
];

describe("following a message", () => {
  const graph = reduceGraphAll([...topology, ...trip("c1", "w1", "bbbb0001"), ...trip("c2", "w2", "bbbb0002")]);
  const indexOf = (socket: string, op: "send" | "recv", nth = 0) => graph.messages.filter((m) => m.socket === socket && m.op === op)[nth].index;

  it("lights a request's four hops through a ROUTER/DEALER queue and back, in order, with times", () => {
    const hops = followMessage(graph, indexOf("c1", "send"));
    expect(hops.map((h) => `${h.step} ${h.from}→${h.to} ${h.edgeId}`)).toEqual([
      "1 c1→front c1->front",
      "2 back→w1 w1->back",
      "3 w1→back w1->back",
      "4 front→c1 c1->front",
    ]);
    expect(hops.map((h) => h.direction)).toEqual(["forward", "backward", "forward", "backward"]);
    for (const h of hops) expect(h.receivedAt).toBeGreaterThan(h.sentAt as number);
  });

  it("finds the same path from a hop in the middle, and keeps the second client's identical request apart", () => {
    const middle = followMessage(graph, indexOf("w1", "recv"));
    expect(middle.map((h) => h.to)).toEqual(["front", "w1", "back", "c1"]);
    const second = followMessage(graph, indexOf("c2", "send"));
    expect(second.map((h) => h.to)).toEqual(["front", "w2", "back", "c2"]);
  });

  it("follows nothing for a message without a fingerprint", () => {
    const bare = reduceGraphAll([...topology, { type: "message/send", t: 99, socket: "c1", kind: "REQ", seq: 1, frames: [frame("x")] }]);
    expect(followMessage(bare, bare.messages[0].index)).toEqual([]);
  });
});
