import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import { COLLAPSE_AFTER_MS, collapsedSockets, seenTimes } from "./collapse.js";
import { reduceGraphAll } from "./model/reducer.js";

const open = (socket: string, t: number): TraceEvent => ({ type: "socket/open", t, socket, kind: "PULL", label: "PULL sink.ts:3", thread: 1 });
const close = (socket: string, t: number): TraceEvent => ({ type: "socket/close", t, socket, kind: "PULL" });

describe("collapsing closed sockets", () => {
  it("hides a closed socket that a restart replaced, once it has been closed a while", () => {
    const seen = seenTimes();
    collapsedSockets(reduceGraphAll([open("s1", 0), close("s1", 1)]), seen, 1000);
    const restarted = reduceGraphAll([open("s1", 0), close("s1", 1), open("s2", 2)]);
    const first = collapsedSockets(restarted, seen, 1500);
    expect(first.sockets.size).toBe(0);
    expect(first.pending).toBeGreaterThan(0);
    expect([...collapsedSockets(restarted, seen, 1000 + COLLAPSE_AFTER_MS).sockets]).toEqual(["s1"]);
  });

  it("keeps replicas made on one line and closed together, as every socket is when a run ends", () => {
    const seen = seenTimes();
    collapsedSockets(reduceGraphAll([open("s1", 0), open("s2", 0)]), seen, 1000);
    const ended = reduceGraphAll([open("s1", 0), open("s2", 0), close("s1", 5), close("s2", 5)]);
    expect(collapsedSockets(ended, seen, 2000).sockets.size).toBe(0);
    expect(collapsedSockets(ended, seen, 2000 + 10 * COLLAPSE_AFTER_MS).sockets.size).toBe(0);
  });

  it("keeps a closed socket nobody replaced", () => {
    const graph = reduceGraphAll([open("s1", 0), close("s1", 1)]);
    expect(collapsedSockets(graph, seenTimes(), 10 * COLLAPSE_AFTER_MS).sockets.size).toBe(0);
  });
});

describe("a restart seen in the same update as the kill", () => {
  it("still counts as a replacement", () => {
    const seen = seenTimes();
    collapsedSockets(reduceGraphAll([open("s1", 0)]), seen, 500);
    const graph = reduceGraphAll([open("s1", 0), close("s1", 1), open("s2", 2)]);
    collapsedSockets(graph, seen, 1000);
    expect([...collapsedSockets(graph, seen, 1000 + COLLAPSE_AFTER_MS).sockets]).toEqual(["s1"]);
  });
});
