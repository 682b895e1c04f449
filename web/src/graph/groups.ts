import type { Selection } from "d3-selection";
import { setAttr, setText } from "./domWrites.js";
import type { NodeGroup } from "./layout/plan.js";
import type { Box } from "./layout/types.js";

type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** Thread, process and device boxes: ELK lays them out as compound nodes around their sockets. */
export function drawGroups(layer: Layer, groups: NodeGroup[]): void {
  layer
    .selectAll<SVGGElement, NodeGroup>("g.group")
    .data(groups, (g) => g.id)
    .join((enter) => {
      const g = enter.append("g");
      g.append("rect").attr("rx", 14);
      g.append("text").attr("class", "group-label").attr("dy", "0.8em");
      return g;
    })
    .each(function (g) {
      setAttr(this, "class", `group group-${g.kind}`);
      setAttr(this, "data-group", g.id.slice(2));
      setText(this.querySelector("text") as SVGTextElement, g.label);
    });
}

export function placeGroups(layer: Layer, boxes: Record<string, Box>): void {
  layer.selectAll<SVGGElement, NodeGroup>("g.group").each(function (g) {
    const b = boxes[g.id];
    this.style.display = b ? "" : "none";
    if (!b) return;
    const rect = this.querySelector("rect") as SVGRectElement;
    setAttr(rect, "x", String(b.x));
    setAttr(rect, "y", String(b.y));
    setAttr(rect, "width", String(b.width));
    setAttr(rect, "height", String(b.height));
    const text = this.querySelector("text") as SVGTextElement;
    setAttr(text, "x", String(b.x + 12));
    setAttr(text, "y", String(b.y + 7));
  });
}
