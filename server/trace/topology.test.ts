import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { Topology } from "./topology.js";

const open = (socket: string, kind: "PUSH" | "PULL", t = 0): TraceEvent => ({ type: "socket/open", t, socket, kind, label: kind, thread: 0 });
const bind = (socket: string, t: number): TraceEvent => ({ type: "socket/bind", t, socket, kind: "PULL", endpoint: "tcp://127.0.0.1:5563" });
const connect = (socket: string, t: number): TraceEvent => ({ type: "socket/connect", t, socket, kind: "PUSH", endpoint: "tcp://127.0.0.1:5563" });
const close = (socket: string, kind: "PUSH" | "PULL", t: number): TraceEvent => ({ type: "socket/close", t, socket, kind });

function edgesAfter(events: TraceEvent[]): string[] {
  const topology = new Topology();
  for (const e of events) topology.apply(e);
  return topology.edges().map((e) => `${e.connector}->${e.binder}`);
}

describe("the run's topology", () => {
  it("links a bind reported after the connector closed, when their lifetimes overlapped (a child's late batch)", () => {
    expect(edgesAfter([open("s1", "PUSH"), connect("s1", 10), close("s1", "PUSH", 50), open("p9.s1", "PULL"), bind("p9.s1", 5)])).toEqual(["s1->p9.s1"]);
  });

  it("links a connect reported after the binder closed, when their lifetimes overlapped", () => {
    expect(edgesAfter([open("s1", "PULL"), bind("s1", 5), close("s1", "PULL", 50), open("w2.s1", "PUSH"), connect("w2.s1", 10)])).toEqual(["w2.s1->s1"]);
  });

  it("does not link sockets that never existed at the same time", () => {
    expect(edgesAfter([open("s1", "PUSH"), connect("s1", 10), close("s1", "PUSH", 20), open("s2", "PULL", 30), bind("s2", 30)])).toEqual([]);
  });
});
