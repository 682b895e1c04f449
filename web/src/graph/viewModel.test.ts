import { describe, expect, it } from "vitest";
import { reduceGraphAll } from "./model/reducer.js";
import { captionLines, nodeCaption, siteOf, wantedNodes } from "./viewModel.js";

const graph = reduceGraphAll([
  { type: "socket/open", t: 0, socket: "s1", kind: "PULL", label: "PULL main.ts:3", thread: 0 },
  { type: "socket/bind", t: 1, socket: "s1", kind: "PULL", endpoint: "inproc://work" },
  { type: "socket/open", t: 2, socket: "s2", kind: "PUSH", label: "PUSH worker.ts:5", thread: 1 },
  { type: "socket/connect", t: 3, socket: "s2", kind: "PUSH", endpoint: "inproc://work" },
  { type: "link/up", t: 3, link: "l1", from: "s2", to: "s1", endpoint: "inproc://work", transport: "inproc" },
  { type: "socket/connect", t: 4, socket: "s2", kind: "PUSH", endpoint: "tcp://127.0.0.1:9" },
]);

describe("wantedNodes", () => {
  it("draws every socket and one ghost per unbound endpoint, leaving out hidden sockets and their ghosts", () => {
    expect(wantedNodes(graph).map((n) => n.id)).toEqual(["s1", "s2", "?tcp://127.0.0.1:9"]);
    expect(wantedNodes(graph, new Set(["s2"])).map((n) => n.id)).toEqual(["s1"]);
  });
});

describe("captions", () => {
  it("drops the kind from the label and shows the counters", () => {
    expect(siteOf(graph.nodes[1])).toBe("worker.ts:5");
    const [, push] = wantedNodes(graph);
    expect(nodeCaption(push)).toMatchObject({ label: "worker.ts:5", detail: "", counters: "0 sent · 0 received" });
  });

  it("shows the name the trace gives and keeps the site as detail", () => {
    const named = { ...graph.nodes[1], name: "worker #2" };
    const caption = nodeCaption({ id: "s2", socket: named, endpoint: null });
    expect(captionLines(caption).map((l) => l.text)).toEqual(["worker #2", "worker.ts:5 · 0 sent · 0 received"]);
  });
});
