import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { TraceView } from "./trace-view.js";

const frames = (text: string) => [{ size: text.length, preview: text }];
const trace: TraceEvent[] = [
  { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: ["main.ts"], sandbox: "bwrap" },
  { type: "socket/open", t: 1, socket: "s1", kind: "REP", label: "REP main.ts:3", thread: 0 },
  { type: "socket/open", t: 1, socket: "s2", kind: "REQ", label: "REQ main.ts:6", thread: 0 },
  { type: "socket/connect", t: 2, socket: "s2", kind: "REQ", endpoint: "tcp://localhost:5555" },
  { type: "socket/bind", t: 3, socket: "s1", kind: "REP", endpoint: "tcp://*:5555", resolved: "tcp://0.0.0.0:5555" },
  { type: "link/up", t: 3, link: "l1", from: "s2", to: "s1", endpoint: "tcp://localhost:5555", transport: "tcp" },
  { type: "socket/name", t: 3, socket: "s2", kind: "REQ", name: "client", detail: "main.ts:6" },
  { type: "message/send", t: 4, socket: "s2", kind: "REQ", frames: frames("Hello"), seq: 1, fp: "0000aaaa" },
  { type: "message/recv", t: 5, socket: "s1", kind: "REP", frames: frames("Hello"), seq: 1, fp: "0000aaaa", from: "s2" },
  { type: "message/send", t: 5.5, socket: "s1", kind: "REP", frames: frames("World"), seq: 1, fp: "0000bbbb" },
  { type: "message/recv", t: 5.7, socket: "s2", kind: "REQ", frames: frames("World"), seq: 1, fp: "0000bbbb", from: "s1" },
  { type: "socket/option", t: 5, socket: "s1", kind: "REP", name: "linger", value: 0 },
  { type: "console", t: 6, stream: "stdout", text: "got Hello\n" },
  { type: "socket/close", t: 7, socket: "s2", kind: "REQ" },
  { type: "link/down", t: 7, link: "l1", from: "s2", to: "s1", endpoint: "tcp://localhost:5555", transport: "tcp", reason: "closed", by: "s2" },
  { type: "message/drop", t: 7.5, socket: "s1", kind: "REP", reason: "no-peer", count: 1, message: "lost" },
  {
    type: "run/exit",
    t: 8,
    reason: "ok",
    code: 0,
    message: "The program finished normally.",
    totals: { s1: { sent: 0, received: 40 }, s2: { sent: 40, received: 40 } },
  },
];

describe("TraceView", () => {
  const view = new TraceView(trace);

  it("takes edges from the server's links, with when and how each ended", () => {
    expect(view.edges()).toEqual([{ from: "s2", to: "s1", endpoint: "tcp://localhost:5555" }]);
    expect(view.links()).toEqual([{ id: "l1", from: "s2", to: "s1", endpoint: "tcp://localhost:5555", transport: "tcp", since: 3, until: 7, ended: "closed" }]);
    expect(view.linked("REP", "REQ")).toBe(true);
    expect(view.linked("PUB", "SUB")).toBe(false);
  });

  it("keeps sampled messages and takes totals from run/exit, which counts every message", () => {
    const [req] = view.sockets("REQ");
    expect(req.sent.map((m) => m.texts)).toEqual([["Hello"]]);
    expect(req.name).toBe("client");
    expect(req.totals).toEqual({ sent: 40, received: 40 });
    expect(req.closed).toBe(true);
  });

  it("records options, console output and the verdict", () => {
    expect(view.socket("s1")?.options).toEqual({ linger: 0 });
    expect(view.stdout).toBe("got Hello\n");
    expect(view.ok).toBe(true);
  });

  it("answers who received what from whom, a message's path, requests with their replies, and drops", () => {
    expect(view.receivedFrom("s1", "s2").map((m) => m.texts[0])).toEqual(["Hello"]);
    expect(view.receivedFrom("s1", "s9")).toEqual([]);
    expect(view.journey("0000aaaa").map((m) => `${m.op} ${m.socket}`)).toEqual(["send s2", "recv s1"]);
    expect(view.exchanges("s2").map((x) => [x.request.texts[0], x.reply?.texts[0], x.reply?.peer])).toEqual([["Hello", "World", "s1"]]);
    expect(view.drops("no-peer").map((d) => d.socket)).toEqual(["s1"]);
    expect(view.drops("hwm")).toEqual([]);
  });

  it("is not ok without a run/exit", () => {
    expect(new TraceView(trace.slice(0, 3)).ok).toBe(false);
  });
});
