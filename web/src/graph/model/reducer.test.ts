import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../../protocol/trace.js";
import { emptyGraph, reduceGraphAll } from "./reducer.js";

type Kind = "REQ" | "REP" | "PUB" | "SUB" | "PUSH" | "PULL" | "PAIR" | "ROUTER";
const open = (socket: string, kind: Kind): TraceEvent => ({ type: "socket/open", t: 0, socket, kind, label: `${kind} main.ts:1`, thread: 0 });
const bind = (socket: string, kind: Kind, endpoint: string, resolved?: string): TraceEvent => ({
  type: "socket/bind",
  t: 1,
  socket,
  kind,
  endpoint,
  ...(resolved ? { resolved } : {}),
});
const connect = (socket: string, kind: Kind, endpoint: string): TraceEvent => ({ type: "socket/connect", t: 2, socket, kind, endpoint });
const close = (socket: string, kind: Kind): TraceEvent => ({ type: "socket/close", t: 9, socket, kind });
/** Link events as the server's link model sends them; the browser never matches endpoints itself. */
const up = (link: string, from: string, to: string, endpoint: string, t = 2): TraceEvent => ({
  type: "link/up",
  t,
  link,
  from,
  to,
  endpoint,
  transport: "inproc",
});
const down = (link: string, from: string, to: string, endpoint: string, reason: "closed" | "unbound" | "disconnected", by: string): TraceEvent => ({
  type: "link/down",
  t: 5,
  link,
  from,
  to,
  endpoint,
  transport: "inproc",
  reason,
  by,
});
const frames = [{ size: 5, preview: "Hello" }];
const send = (socket: string, kind: Kind, seq: number): TraceEvent => ({ type: "message/send", t: 3, socket, kind, frames, seq });
const recv = (socket: string, kind: Kind, seq: number): TraceEvent => ({ type: "message/recv", t: 4, socket, kind, frames, seq });

describe("reduceGraph", () => {
  it("draws an edge for each link the server reports, from the connecting socket to the binding one", () => {
    const g = reduceGraphAll([
      open("s1", "REP"),
      open("s2", "REQ"),
      bind("s1", "REP", "tcp://127.0.0.1:5555"),
      connect("s2", "REQ", "tcp://127.0.0.1:5555"),
      up("l1", "s2", "s1", "tcp://127.0.0.1:5555"),
    ]);
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["s1", "REP"],
      ["s2", "REQ"],
    ]);
    expect(g.edges).toMatchObject([{ id: "s2->s1", source: "s2", target: "s1", closed: false }]);
  });

  it("draws a connect dangling until its link comes, and never matches endpoints itself", () => {
    const before = reduceGraphAll([open("s1", "PULL"), open("s2", "PUSH"), connect("s2", "PUSH", "tcp://localhost:6000"), bind("s1", "PULL", "tcp://*:6000")]);
    expect(before.edges).toMatchObject([{ id: "s2->?tcp://localhost:6000", target: null }]);
    const after = reduceGraphAll([up("l1", "s2", "s1", "tcp://localhost:6000")], before);
    expect(after.edges).toMatchObject([{ id: "s2->s1", target: "s1" }]);
  });

  it("keeps the resolved endpoint of a wildcard bind on the node", () => {
    const g = reduceGraphAll([open("s1", "REP"), bind("s1", "REP", "tcp://127.0.0.1:*", "tcp://127.0.0.1:41234")]);
    expect(g.nodes[0].binds).toEqual(["tcp://127.0.0.1:41234"]);
  });

  it("marks closed sockets and their edges, keeping the topology visible", () => {
    const g = reduceGraphAll([
      open("s1", "REP"),
      bind("s1", "REP", "inproc://a"),
      open("s2", "REQ"),
      connect("s2", "REQ", "inproc://a"),
      up("l1", "s2", "s1", "inproc://a"),
      close("s2", "REQ"),
      down("l1", "s2", "s1", "inproc://a", "closed", "s2"),
    ]);
    expect(g.nodes.find((n) => n.id === "s2")?.closed).toBe(true);
    expect(g.edges).toMatchObject([{ id: "s2->s1", closed: true }]);
  });

  it("drops the edge on disconnect; on unbind fades it and leaves the connect dangling", () => {
    const base = [
      open("s1", "PULL"),
      bind("s1", "PULL", "inproc://a"),
      open("s2", "PUSH"),
      connect("s2", "PUSH", "inproc://a"),
      up("l1", "s2", "s1", "inproc://a"),
    ];
    const unbound = reduceGraphAll([
      ...base,
      { type: "socket/unbind", t: 5, socket: "s1", kind: "PULL", endpoint: "inproc://a" },
      down("l1", "s2", "s1", "inproc://a", "unbound", "s1"),
    ]);
    expect(unbound.edges.map((e) => [e.id, e.closed])).toEqual([
      ["s2->s1", true],
      ["s2->?inproc://a", false],
    ]);
    const gone = reduceGraphAll([
      ...base,
      { type: "socket/disconnect", t: 5, socket: "s2", kind: "PUSH", endpoint: "inproc://a" },
      down("l1", "s2", "s1", "inproc://a", "disconnected", "s2"),
    ]);
    expect(gone.edges).toEqual([]);
  });

  it("counts each receive on the edge from the sender the server named, and names the peer of each message", () => {
    const g = reduceGraphAll([
      open("s1", "REP"),
      bind("s1", "REP", "inproc://a"),
      open("s2", "REQ"),
      connect("s2", "REQ", "inproc://a"),
      up("l1", "s2", "s1", "inproc://a"),
      send("s2", "REQ", 1),
      { ...recv("s1", "REP", 1), from: "s2" } as TraceEvent,
      send("s1", "REP", 1),
      { ...recv("s2", "REQ", 1), from: "s1" } as TraceEvent,
    ]);
    expect(g.nodes.map((n) => [n.id, n.sent, n.received])).toEqual([
      ["s1", 1, 1],
      ["s2", 1, 1],
    ]);
    expect(g.edges[0]).toMatchObject({ forward: 1, backward: 1 });
    expect(g.messages.map((m) => [m.op, m.peer, m.edgeId, m.direction])).toEqual([
      ["send", undefined, undefined, undefined],
      ["recv", "s2", "s2->s1", "forward"],
      ["send", undefined, undefined, undefined],
      ["recv", "s1", "s2->s1", "backward"],
    ]);
  });

  it("puts a ROUTER's send on the edge to the peer the server named", () => {
    const g = reduceGraphAll([
      open("r", "PAIR"),
      bind("r", "PAIR", "inproc://a"),
      open("d", "PAIR"),
      connect("d", "PAIR", "inproc://a"),
      up("l1", "d", "r", "inproc://a"),
      { ...send("r", "PAIR", 1), peer: "d" } as TraceEvent,
    ]);
    expect(g.messages.at(-1)).toMatchObject({ peer: "d", edgeId: "d->r", direction: "backward" });
    expect(g.edges[0]).toMatchObject({ forward: 0, backward: 0 });
  });

  it("does not guess the sender of a receive the server could not attribute", () => {
    const g = reduceGraphAll([
      open("pull", "PULL"),
      bind("pull", "PULL", "inproc://a"),
      open("a", "PUSH"),
      connect("a", "PUSH", "inproc://a"),
      up("l1", "a", "pull", "inproc://a"),
      send("a", "PUSH", 1),
      recv("pull", "PULL", 1),
    ]);
    expect(g.messages.at(-1)).toMatchObject({ op: "recv" });
    expect(g.messages.at(-1)?.edgeId).toBeUndefined();
  });

  it("keeps the server's drops on the socket where messages were lost, and where sampling started", () => {
    const g = reduceGraphAll([
      open("s", "SUB"),
      recv("s", "SUB", 1),
      { type: "message/drop", t: 5, socket: "s", kind: "SUB", reason: "filtered", count: 3, peer: "p", message: "filtered" },
      { type: "trace/note", t: 6, code: "sampling-started", message: "sampling" },
    ]);
    expect(g.nodes[0].drops).toEqual([{ reason: "filtered", count: 3, peer: "p", message: "filtered" }]);
    expect(g.sampling).toEqual({ afterMessage: 1, t: 6, message: "sampling" });
  });

  it("takes the server's name for a socket", () => {
    const g = reduceGraphAll([open("s1", "ROUTER"), { type: "socket/name", t: 0, socket: "s1", kind: "ROUTER", name: "frontend", detail: "broker.ts:3" }]);
    expect(g.nodes[0]).toMatchObject({ name: "frontend", detail: "broker.ts:3", label: "ROUTER main.ts:1" });
  });

  it("keeps the latest message rates until the run ends", () => {
    const running = reduceGraphAll([open("s1", "PUSH"), { type: "rates", t: 500, interval: 500, sockets: { s1: { sent: 2000, received: 0 } } }]);
    expect(running.nodes[0].rate).toEqual({ sent: 2000, received: 0 });
    const done = reduceGraphAll([{ type: "run/exit", t: 900, reason: "ok", code: 0, message: "Done.", totals: {} }], running);
    expect(done.nodes[0].rate).toBeUndefined();
  });

  it("takes the run totals at exit as the final counters", () => {
    const g = reduceGraphAll([
      open("s1", "PUSH"),
      { type: "run/exit", t: 10, reason: "ok", code: 0, message: "Done.", totals: { s1: { sent: 42, received: 0 } } },
    ]);
    expect(g.nodes[0]).toMatchObject({ sent: 42, received: 0 });
  });

  it("attaches a diagnostic about a socket to its node", () => {
    const g = reduceGraphAll([
      open("s1", "REQ"),
      { type: "diagnostic", t: 3, code: "req-recv-first", message: "REQ must send first.", socket: "s1", severity: "warning" },
    ]);
    expect(g.nodes[0].diagnostics).toEqual(["REQ must send first."]);
  });

  it("starts over on a new run", () => {
    expect(reduceGraphAll([open("s1", "PUSH"), { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: [], sandbox: "none" }])).toEqual(emptyGraph);
  });
});
