import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../../protocol/trace.js";
import { reduceGraphAll } from "../model/reducer.js";
import { wantedNodes } from "../viewModel.js";
import { replicaBlocks } from "./replicas.js";

let t = 0;
const open = (socket: string, kind: "REQ" | "ROUTER" | "SUB", line: number, thread = 0): TraceEvent => ({
  type: "socket/open",
  t: t++,
  socket,
  kind,
  label: `${kind} main.ts:${line}`,
  thread,
});

function blocksOf(events: TraceEvent[]) {
  const graph = reduceGraphAll(events);
  return replicaBlocks(graph, wantedNodes(graph));
}

describe("replica blocks", () => {
  it("packs sockets made on one line in one thread, and leaves small pools and lone sockets alone", () => {
    const events = [open("r", "ROUTER", 3)];
    for (let i = 0; i < 5; i++) events.push(open(`c${i}`, "REQ", 9));
    for (let i = 0; i < 3; i++) events.push(open(`s${i}`, "SUB", 12));
    const blocks = blocksOf(events);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].members).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    expect(blocks[0].label).toBe("5 × REQ main.ts:9");
  });

  it("names the block after the variable its members were made from, once the server has named them all", () => {
    const events: TraceEvent[] = [];
    for (let i = 0; i < 4; i++) events.push(open(`c${i}`, "REQ", 9));
    expect(blocksOf(events)[0].label).toBe("4 × REQ main.ts:9");
    for (let i = 0; i < 3; i++) events.push({ type: "socket/name", t: t++, socket: `c${i}`, kind: "REQ", name: `client #${i + 1}`, detail: "main.ts:9" });
    expect(blocksOf(events)[0].label).toBe("4 × REQ main.ts:9");
    events.push({ type: "socket/name", t: t++, socket: "c3", kind: "REQ", name: "client #4", detail: "main.ts:9" });
    expect(blocksOf(events)[0].label).toBe("4 × REQ client (main.ts:9)");
  });

  it("keeps one line's sockets in different threads apart: each thread has its own box", () => {
    const events: TraceEvent[] = [];
    for (let i = 0; i < 4; i++) events.push(open(`a${i}`, "REQ", 9, 1), open(`b${i}`, "REQ", 9, 2));
    expect(blocksOf(events).map((b) => b.members.length)).toEqual([4, 4]);
  });
});
