import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import { emptyGraph, reduceGraphAll } from "./reducer.js";

type Kind = "REQ" | "REP" | "PUB" | "SUB" | "PUSH" | "PULL" | "PAIR";
const open = (socket: string, kind: Kind): TraceEvent =>
  ({ type: "socket/open", t: 0, socket, kind, label: `${kind} main.ts:1`, thread: 0 });
const bind = (socket: string, kind: Kind, endpoint: string, resolved?: string): TraceEvent =>
  ({ type: "socket/bind", t: 1, socket, kind, endpoint, ...(resolved ? { resolved } : {}) });
const connect = (socket: string, kind: Kind, endpoint: string): TraceEvent =>
  ({ type: "socket/connect", t: 2, socket, kind, endpoint });
const close = (socket: string, kind: Kind): TraceEvent => ({ type: "socket/close", t: 9, socket, kind });
const frames = [{ size: 5, preview: "Hello" }];
const send = (socket: string, kind: Kind, seq: number): TraceEvent =>
  ({ type: "message/send", t: 3, socket, kind, frames, seq });
const recv = (socket: string, kind: Kind, seq: number): TraceEvent =>
  ({ type: "message/recv", t: 4, socket, kind, frames, seq });

describe("reduceGraph", () => {
  it("draws an edge from the connecting socket to the binding one", () => {
    const g = reduceGraphAll([open("s1", "REP"), open("s2", "REQ"), bind("s1", "REP", "tcp://127.0.0.1:5555"),
      connect("s2", "REQ", "tcp://127.0.0.1:5555")]);
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([["s1", "REP"], ["s2", "REQ"]]);
    expect(g.edges).toMatchObject([{ id: "s2->s1", source: "s2", target: "s1", closed: false }]);
  });

  it("completes the edge when the bind comes after the connect", () => {
    const before = reduceGraphAll([open("s1", "PULL"), open("s2", "PUSH"), connect("s2", "PUSH", "tcp://localhost:6000")]);
    expect(before.edges).toMatchObject([{ id: "s2->?tcp://localhost:6000", target: null }]);
    const after = reduceGraphAll([bind("s1", "PULL", "tcp://*:6000")], before);
    expect(after.edges).toMatchObject([{ id: "s2->s1", target: "s1" }]);
  });

  it("matches a connect to a wildcard port through the resolved endpoint", () => {
    const g = reduceGraphAll([open("s1", "REP"), bind("s1", "REP", "tcp://127.0.0.1:*", "tcp://127.0.0.1:41234"),
      open("s2", "REQ"), connect("s2", "REQ", "tcp://127.0.0.1:41234")]);
    expect(g.edges.map((e) => e.id)).toEqual(["s2->s1"]);
    expect(g.nodes[0].binds).toEqual(["tcp://127.0.0.1:41234"]);
  });

  it("links inproc endpoints by name only", () => {
    const g = reduceGraphAll([open("s1", "PAIR"), bind("s1", "PAIR", "inproc://pipe"), open("s2", "PAIR"),
      connect("s2", "PAIR", "inproc://pipe"), open("s3", "PAIR"), connect("s3", "PAIR", "inproc://other")]);
    expect(g.edges.map((e) => e.id)).toEqual(["s2->s1", "s3->?inproc://other"]);
  });

  it("keeps a dangling edge for a connect nothing is bound to", () => {
    const g = reduceGraphAll([open("s2", "REQ"), connect("s2", "REQ", "tcp://127.0.0.1:5555")]);
    expect(g.edges).toEqual([expect.objectContaining({ source: "s2", target: null, endpoint: "tcp://127.0.0.1:5555" })]);
  });

  it("marks closed sockets and their edges, keeping the topology visible", () => {
    const g = reduceGraphAll([open("s1", "REP"), bind("s1", "REP", "inproc://a"), open("s2", "REQ"),
      connect("s2", "REQ", "inproc://a"), close("s2", "REQ")]);
    expect(g.nodes.find((n) => n.id === "s2")?.closed).toBe(true);
    expect(g.edges).toMatchObject([{ id: "s2->s1", closed: true }]);
  });

  it("drops the edge on disconnect and on unbind leaves it dangling", () => {
    const base = [open("s1", "PULL"), bind("s1", "PULL", "inproc://a"), open("s2", "PUSH"), connect("s2", "PUSH", "inproc://a")];
    const unbound = reduceGraphAll([...base, { type: "socket/unbind", t: 5, socket: "s1", kind: "PULL", endpoint: "inproc://a" }]);
    expect(unbound.edges.map((e) => e.id)).toEqual(["s2->?inproc://a"]);
    const gone = reduceGraphAll([...base, { type: "socket/disconnect", t: 5, socket: "s2", kind: "PUSH", endpoint: "inproc://a" }]);
    expect(gone.edges).toEqual([]);
  });

  it("counts messages per socket and attributes each receive to the edge it took", () => {
    const g = reduceGraphAll([open("s1", "REP"), bind("s1", "REP", "inproc://a"), open("s2", "REQ"),
      connect("s2", "REQ", "inproc://a"), send("s2", "REQ", 1), recv("s1", "REP", 1), send("s1", "REP", 1), recv("s2", "REQ", 1)]);
    expect(g.nodes.map((n) => [n.id, n.sent, n.received])).toEqual([["s1", 1, 1], ["s2", 1, 1]]);
    expect(g.edges[0]).toMatchObject({ forward: 1, backward: 1 });
    expect(g.messages.map((m) => [m.op, m.edgeId, m.direction])).toEqual([
      ["send", undefined, undefined], ["recv", "s2->s1", "forward"], ["send", undefined, undefined], ["recv", "s2->s1", "backward"],
    ]);
  });

  it("attributes fan-out receives to the one sender", () => {
    const g = reduceGraphAll([open("p", "PUB"), bind("p", "PUB", "inproc://news"), open("a", "SUB"), connect("a", "SUB", "inproc://news"),
      open("b", "SUB"), connect("b", "SUB", "inproc://news"), send("p", "PUB", 1), recv("a", "SUB", 1), recv("b", "SUB", 1)]);
    expect(g.edges.map((e) => [e.id, e.backward])).toEqual([["a->p", 1], ["b->p", 1]]);
  });

  it("trusts the server's attribution of a receive to its sender", () => {
    const g = reduceGraphAll([open("pull", "PULL"), bind("pull", "PULL", "inproc://a"), open("a", "PUSH"), connect("a", "PUSH", "inproc://a"),
      open("b", "PUSH"), connect("b", "PUSH", "inproc://a"), send("a", "PUSH", 1), send("b", "PUSH", 1),
      { type: "message/recv", t: 4, socket: "pull", kind: "PULL", frames, seq: 1, from: "b" }]);
    expect(g.messages.at(-1)).toMatchObject({ edgeId: "b->pull", direction: "forward" });
  });

  it("keeps the latest message rates until the run ends", () => {
    const running = reduceGraphAll([open("s1", "PUSH"), { type: "rates", t: 500, interval: 500, sockets: { s1: { sent: 2000, received: 0 } } }]);
    expect(running.nodes[0].rate).toEqual({ sent: 2000, received: 0 });
    const done = reduceGraphAll([{ type: "run/exit", t: 900, reason: "ok", code: 0, message: "Done.", totals: {} }], running);
    expect(done.nodes[0].rate).toBeUndefined();
  });

  it("takes the run totals at exit as the final counters", () => {
    const g = reduceGraphAll([open("s1", "PUSH"), { type: "run/exit", t: 10, reason: "ok", code: 0, message: "Done.",
      totals: { s1: { sent: 42, received: 0 } } }]);
    expect(g.nodes[0]).toMatchObject({ sent: 42, received: 0 });
  });

  it("attaches a diagnostic about a socket to its node", () => {
    const g = reduceGraphAll([open("s1", "REQ"), { type: "diagnostic", t: 3, code: "req-recv-first", message: "REQ must send first.",
      socket: "s1", severity: "warning" }]);
    expect(g.nodes[0].diagnostics).toEqual(["REQ must send first."]);
  });

  it("starts over on a new run", () => {
    expect(reduceGraphAll([open("s1", "PUSH"), { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: [], sandbox: "none" }]))
      .toEqual(emptyGraph);
  });
});
