import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import { COLLAPSE_AFTER_MS, collapsedSockets } from "./collapse.js";
import { reduceGraphAll } from "./reducer.js";

const open = (socket: string, t: number): TraceEvent => ({ type: "socket/open", t, socket, kind: "PULL", label: "PULL sink.ts:3", thread: 1 });
const close = (socket: string, t: number): TraceEvent => ({ type: "socket/close", t, socket, kind: "PULL" });

describe("collapsing closed sockets", () => {
  it("hides a closed socket a restart replaced, once it has been closed a while", () => {
    const graph = reduceGraphAll([open("s1", 0), close("s1", 1), open("s2", 2)]);
    const since = new Map<string, number>();
    const first = collapsedSockets(graph, since, 1000);
    expect(first.sockets.size).toBe(0);
    expect(first.pending).toBeGreaterThan(0);
    expect([...collapsedSockets(graph, since, 1000 + COLLAPSE_AFTER_MS).sockets]).toEqual(["s1"]);
  });

  it("keeps a closed socket nobody replaced, such as every socket after the run ends", () => {
    const graph = reduceGraphAll([open("s1", 0), close("s1", 1)]);
    expect(collapsedSockets(graph, new Map([["s1", 0]]), 10 * COLLAPSE_AFTER_MS).sockets.size).toBe(0);
  });
});
