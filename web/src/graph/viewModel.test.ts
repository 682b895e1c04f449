import { describe, expect, it } from "vitest";
import { reduceGraphAll } from "./reducer.js";
import { syncNodes, type SimNode } from "./simTypes.js";
import { nodeCaption, siteOf, wantedNodes } from "./viewModel.js";

const graph = reduceGraphAll([
  { type: "socket/open", t: 0, socket: "s1", kind: "PULL", label: "PULL main.ts:3", thread: 0 },
  { type: "socket/bind", t: 1, socket: "s1", kind: "PULL", endpoint: "inproc://work" },
  { type: "socket/open", t: 2, socket: "s2", kind: "PUSH", label: "PUSH worker.ts:5", thread: 1 },
  { type: "socket/connect", t: 3, socket: "s2", kind: "PUSH", endpoint: "inproc://work" },
  { type: "link/up", t: 3, link: "l1", from: "s2", to: "s1", endpoint: "inproc://work", transport: "inproc" },
  { type: "socket/connect", t: 4, socket: "s2", kind: "PUSH", endpoint: "tcp://127.0.0.1:9" },
]);

describe("wantedNodes", () => {
  it("puts binders right, connectors left and adds one ghost per unbound endpoint", () => {
    expect(wantedNodes(graph).map((n) => [n.id, n.side])).toEqual([["s1", 1], ["s2", -1], ["?tcp://127.0.0.1:9", 1]]);
  });
});

describe("captions", () => {
  it("drops the kind from the label and names non-main threads", () => {
    expect(siteOf(graph.nodes[1])).toBe("worker.ts:5");
    const [, push] = wantedNodes(graph);
    expect(nodeCaption(push)).toMatchObject({ label: "worker.ts:5 · thread 1", counters: "0 sent · 0 received" });
  });
});

describe("syncNodes", () => {
  it("keeps placed nodes' positions and places a ghost beside its connecting socket", () => {
    const first = syncNodes(new Map(), wantedNodes(graph), { x: 0, y: 0 }, 200, (n) => (n.socket ? undefined : "s2"));
    first[0].x = 123;
    const again = syncNodes(new Map(first.map((n) => [n.id, n])), wantedNodes(graph), { x: 0, y: 0 }, 200);
    expect(again[0]).toBe(first[0]);
    expect(again[0].x).toBe(123);
    const ghost = first.find((n) => n.id.startsWith("?")) as SimNode;
    expect(ghost.y).toBe(first[1].y);
    expect(ghost.x).toBe(200);
  });
});
