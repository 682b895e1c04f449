import { describe, expect, it } from "vitest";
import { arrangeParts } from "./arrange.js";

const node = (id: string) => ({ id, width: 150, height: 100 });
/** Three parts of two columns each: a→b, c→d, e→f. */
const ids = ["a", "b", "c", "d", "e", "f"];
const flow = [
  { id: "1", from: "a", to: "b" },
  { id: "2", from: "c", to: "d" },
  { id: "3", from: "e", to: "f" },
];
const ranks = new Map([
  ["a", 0],
  ["b", 1],
  ["c", 0],
  ["d", 1],
  ["e", 0],
  ["f", 1],
]);

describe("arranging a graph's parts to the pane", () => {
  it("puts parts side by side in a wide, low pane", () => {
    const r = arrangeParts(ids.map(node), ranks, flow, [], { width: 1600, height: 200 });
    expect(ids.map((id) => r.get(id))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("keeps parts in the same columns, one under another, in a tall, narrow pane", () => {
    const r = arrangeParts(ids.map(node), ranks, flow, [], { width: 400, height: 900 });
    expect(ids.map((id) => r.get(id))).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it("treats a broker's sockets as one part though no edge joins them", () => {
    const broker = new Map([
      ["a", 0],
      ["b", 1],
      ["c", 1],
      ["d", 2],
    ]);
    const edges = [flow[0], { id: "2", from: "c", to: "d" }];
    const wide = { width: 1600, height: 200 };
    expect([...arrangeParts(["a", "b", "c", "d"].map(node), broker, edges, [["b", "c"]], wide)]).toEqual([...broker]);
    // Without the broker the two halves are parts of their own, and the second moves beside the first.
    expect(arrangeParts(["a", "b", "c", "d"].map(node), broker, edges, [], wide).get("c")).toBe(3);
  });
});
