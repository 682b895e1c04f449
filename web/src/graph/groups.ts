import type { Selection } from "d3-selection";
import { NODE_RADIUS, type SimNode } from "./simTypes.js";
import { placeOf, placesOf } from "./places.js";
import type { GraphState } from "./types.js";

type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** Sockets drawn inside one labelled box: those of one thread or process (when there are several), or of one device. */
export interface NodeGroup {
  id: string;
  kind: "thread" | "device";
  label: string;
  members: string[];
}

/** Room around the member nodes: a device box sits inside its thread's box, below that box's label; the bottom leaves room for captions. */
const PAD = { thread: { side: NODE_RADIUS + 70, top: NODE_RADIUS + 52, bottom: NODE_RADIUS + 56 }, device: { side: NODE_RADIUS + 56, top: NODE_RADIUS + 22, bottom: NODE_RADIUS + 46 } };
/** How hard members are pulled towards their group's centre, per tick. */
const PULL = { thread: 0.08, device: 0.25 };

export function groupsOf(graph: GraphState): NodeGroup[] {
  const places = placesOf(graph.nodes);
  const groups: NodeGroup[] = places.length < 2 ? [] : places.map((place) => ({
    id: `thread-${place.key}`, kind: "thread", label: place.label,
    members: graph.nodes.filter((n) => placeOf(n).key === place.key).map((n) => n.id),
  }));
  const known = new Set(graph.nodes.map((n) => n.id));
  for (const d of graph.devices) {
    const members = d.sockets.filter((s) => known.has(s));
    if (members.length) groups.push({ id: `device-${d.id}`, kind: "device", label: d.label, members });
  }
  return groups;
}

/** A d3 force pulling each group's members together, so a thread or device reads as one block. */
export function clusterForce(groupsRef: () => NodeGroup[], nodesRef: () => Map<string, SimNode>) {
  return (alpha: number) => {
    const nodes = nodesRef();
    for (const g of groupsRef()) {
      const members = g.members.map((id) => nodes.get(id)).filter((n): n is SimNode => !!n);
      if (members.length < 2) continue;
      const cx = members.reduce((s, n) => s + (n.x ?? 0), 0) / members.length;
      const cy = members.reduce((s, n) => s + (n.y ?? 0), 0) / members.length;
      for (const n of members) {
        n.vx = (n.vx ?? 0) + (cx - (n.x ?? 0)) * PULL[g.kind] * alpha;
        n.vy = (n.vy ?? 0) + (cy - (n.y ?? 0)) * PULL[g.kind] * alpha;
      }
    }
  };
}

export function drawGroups(layer: Layer, groups: NodeGroup[]): void {
  layer.selectAll<SVGGElement, NodeGroup>("g.group")
    .data(groups, (g) => g.id)
    .join((enter) => {
      const g = enter.append("g");
      g.append("rect").attr("rx", 18);
      g.append("text").attr("class", "group-label");
      return g;
    })
    .attr("class", (g) => `group group-${g.kind}`)
    .attr("data-group", (g) => g.id)
    .select("text").text((g) => g.label);
}

/** Fits each box around its members' current positions; runs every animation frame. */
export function placeGroups(layer: Layer, nodes: Map<string, SimNode>): void {
  layer.selectAll<SVGGElement, NodeGroup>("g.group").each(function (g) {
    const members = g.members.map((id) => nodes.get(id)).filter((n): n is SimNode => !!n);
    const pad = PAD[g.kind];
    const xs = members.map((n) => n.x ?? 0), ys = members.map((n) => n.y ?? 0);
    const x0 = Math.min(...xs) - pad.side, x1 = Math.max(...xs) + pad.side;
    const y0 = Math.min(...ys) - pad.top, y1 = Math.max(...ys) + pad.bottom;
    const rect = this.querySelector("rect") as SVGRectElement;
    rect.setAttribute("x", String(x0));
    rect.setAttribute("y", String(y0));
    rect.setAttribute("width", String(Math.max(0, x1 - x0)));
    rect.setAttribute("height", String(Math.max(0, y1 - y0)));
    const text = this.querySelector("text") as SVGTextElement;
    text.setAttribute("x", String(x0 + 14));
    text.setAttribute("y", String(y0 + 20));
  });
}

/** The corners of every box, so fitting the view keeps the boxes whole. */
export function groupBounds(layer: Layer): Array<{ x: number; y: number }> {
  const corners: Array<{ x: number; y: number }> = [];
  layer.selectAll<SVGRectElement, unknown>("g.group rect").each(function () {
    const x = Number(this.getAttribute("x")), y = Number(this.getAttribute("y"));
    corners.push({ x, y }, { x: x + Number(this.getAttribute("width")), y: y + Number(this.getAttribute("height")) });
  });
  return corners;
}
