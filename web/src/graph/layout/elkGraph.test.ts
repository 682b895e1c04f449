import type { ElkNode } from "elkjs/lib/elk-api.js";
import ElkBundled from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { fromElk, toElk } from "./elkGraph.js";
import type { LayoutRequest } from "./types.js";

const Elk = ElkBundled as unknown as new () => { layout(graph: ElkNode): Promise<ElkNode> };
const node = (id: string, rank: number) => ({ id, width: 120, height: 60, rank });

/** A pipeline's two halves: workers' outputs into a sink, a ventilator into workers' inputs; every edge has a rate. */
const request: LayoutRequest = {
  nodes: [node("sink", 1), node("out1", 0), node("out2", 0), node("vent", 2), node("in1", 3), node("in2", 3)],
  groups: [],
  edges: [
    { id: "o1", from: "out1", to: "sink", labelWidth: 70, labelHeight: 16 },
    { id: "o2", from: "out2", to: "sink", labelWidth: 70, labelHeight: 16 },
    { id: "i1", from: "vent", to: "in1", labelWidth: 70, labelHeight: 16 },
    { id: "i2", from: "vent", to: "in2", labelWidth: 0, labelHeight: 16 },
  ],
};

describe("reading ELK's layout back", () => {
  it("places every rate label between its edge's ends, never at the corner", async () => {
    const laid = fromElk(await new Elk().layout(toElk(request)), 0);
    for (const e of request.edges.filter((x) => x.labelWidth > 0)) {
      const label = laid.edges[e.id].label;
      expect(label, e.id).toBeDefined();
      const from = laid.nodes[e.from],
        to = laid.nodes[e.to];
      expect(label?.x).toBeGreaterThanOrEqual(from.x + from.width);
      expect((label?.x ?? 0) + (label?.width ?? 0)).toBeLessThanOrEqual(to.x);
    }
    // An edge that asked for no room has no label box: its text (if any) goes over the line's middle.
    expect(laid.edges.i2.label).toBeUndefined();
  });

  it("leaves out a label ELK did not place, instead of reporting it at 0,0", () => {
    const laid = fromElk(
      {
        id: "__root",
        children: [
          { id: "a", x: 4, y: 4, width: 10, height: 10 },
          { id: "b", x: 90, y: 4, width: 10, height: 10 },
        ],
        edges: [
          {
            id: "e",
            sources: ["a"],
            targets: ["b"],
            sections: [{ id: "s", startPoint: { x: 14, y: 9 }, endPoint: { x: 90, y: 9 } }],
            labels: [{ id: "e#label", x: 0, y: 0, width: 30, height: 12 }],
          },
        ],
      },
      0,
    );
    expect(laid.edges.e.points).toHaveLength(2);
    expect(laid.edges.e.label).toBeUndefined();
  });
});
