import { select, type Selection } from "d3-selection";
import { familyOf, shapePath } from "./kinds.js";
import { GHOST_RADIUS, NODE_RADIUS, linkEnds, type SimLink, type SimNode } from "./simTypes.js";
import type { GraphState } from "./types.js";
import { edgeLabels, nodeCaption, nodeTitle } from "./viewModel.js";

type Layer = Selection<SVGGElement, unknown, null, undefined>;
type NodeEnter = Selection<SVGGElement, SimNode, SVGGElement, unknown>;

/** Where along an edge its status (rate, retries) sits: nearer the connecting end, as edges that meet at one bind spread there. */
const LABEL_AT = 0.4;

/** Joins edge data to `g.edge` elements carrying `data-edge`; positions come later, from placeElements. */
export function drawEdges(layer: Layer, links: SimLink[], graph: GraphState): void {
  const labels = edgeLabels(links.map((l) => l.edge), graph);
  const groups = layer
    .selectAll<SVGGElement, SimLink>("g.edge")
    .data(links, (l) => l.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "edge");
      g.append("line").attr("marker-end", "url(#graph-arrow)");
      g.append("text").attr("class", "edge-status").attr("text-anchor", "middle");
      g.append("title");
      return g;
    });
  groups
    .attr("data-edge", (l) => l.id)
    .attr("data-link-state", (l) => labels.get(l.id)?.state ?? null)
    .classed("closed", (l) => l.edge.closed)
    .classed("dangling", (l) => l.edge.target === null)
    .classed("retrying", (l) => labels.get(l.id)?.state === "retrying")
    .classed("disconnected", (l) => labels.get(l.id)?.state === "disconnected");
  groups.select(".edge-status").text((l) => labels.get(l.id)?.status ?? "");
  groups.select("title").text((l) => `${l.edge.endpoint}: ${l.edge.forward} messages ${l.edge.source}→${l.edge.target ?? "?"}, ${l.edge.backward} back${labels.get(l.id)?.status ? `; ${labels.get(l.id)?.status}` : ""}`);
}

/** Joins nodes to `g.node` elements carrying `data-socket-id` and `data-kind`; `wire` adds behaviour to new ones. */
export function drawNodes(layer: Layer, nodes: SimNode[], wire: (enter: NodeEnter) => void): void {
  const groups = layer
    .selectAll<SVGGElement, SimNode>("g.node")
    .data(nodes, (n) => n.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "node");
      g.append("path").attr("class", "shape");
      g.append("text").attr("class", "node-kind").attr("text-anchor", "middle").attr("dy", "0.35em");
      g.append("text").attr("class", "node-label").attr("text-anchor", "middle");
      g.append("text").attr("class", "node-counters").attr("text-anchor", "middle");
      g.append("text").attr("class", "node-endpoints").attr("text-anchor", "middle");
      g.append("circle").attr("class", "pin-mark").attr("r", 5).attr("cx", -NODE_RADIUS * 0.8).attr("cy", -NODE_RADIUS * 0.8);
      const badge = g.append("g").attr("class", "node-badge").attr("transform", `translate(${NODE_RADIUS * 0.75},${-NODE_RADIUS * 0.75})`);
      badge.append("circle").attr("r", 10);
      badge.append("text").attr("text-anchor", "middle").attr("dy", "0.35em").text("!");
      g.append("title");
      // Unrendered spaces between the captions, so their text reads as words ("REP main.ts:4"), not "REPmain.ts:4".
      g.each(function () {
        for (const text of Array.from(this.querySelectorAll(":scope > text"))) this.insertBefore(document.createTextNode(" "), text);
      });
      wire(g);
      return g;
    });
  groups.each(function (n) {
    const el = select(this);
    const caption = nodeCaption(n);
    el.attr("class", `node ${n.socket ? `family-${familyOf(n.socket.kind).family}` : "ghost"}`)
      .classed("closed", !!n.socket?.closed)
      .classed("has-error", !!n.socket?.lastError)
      .classed("pinned", n.fx != null)
      .attr("data-socket-id", n.socket ? n.id : null)
      .attr("data-kind", n.socket ? n.socket.kind : null)
      .attr("tabindex", n.socket ? 0 : null)
      .attr("role", n.socket ? "button" : null)
      // The name is the drawn text in drawing order (what a speech-input user reads off the screen); <title> adds details.
      .attr("aria-label", n.socket ? [n.socket.kind, caption.label, caption.counters, caption.endpoints].filter(Boolean).join(", ") : null)
      .attr("aria-hidden", n.socket ? null : "true");
    el.select("path").attr("d", n.socket ? shapePath(familyOf(n.socket.kind).shape, NODE_RADIUS) : shapePath("circle", GHOST_RADIUS));
    el.select(".node-badge").attr("display", n.socket && (n.socket.diagnostics.length || n.socket.lastError) ? null : "none");
    el.select(".node-kind").text(n.socket ? n.socket.kind : "");
    el.select(".node-label").attr("y", caption.labelY).text(caption.label);
    el.select(".node-counters").attr("y", caption.labelY + 18).text(caption.counters);
    el.select(".node-endpoints").attr("y", caption.labelY + (caption.counters ? 36 : 18)).text(caption.endpoints);
    el.select("title").text(nodeTitle(n));
  });
}

/** Moves nodes, edges and edge labels to the simulation's current positions; runs every animation frame. */
export function placeElements(nodeLayer: Layer, edgeLayer: Layer): void {
  nodeLayer.selectAll<SVGGElement, SimNode>("g.node").attr("transform", (n) => `translate(${n.x ?? 0},${n.y ?? 0})`);
  edgeLayer.selectAll<SVGGElement, SimLink>("g.edge").each(function (l) {
    const e = linkEnds(l);
    const g = select(this);
    g.select("line").attr("x1", e.x1).attr("y1", e.y1).attr("x2", e.x2).attr("y2", e.y2);
    g.select(".edge-status").attr("x", e.x1 + (e.x2 - e.x1) * LABEL_AT).attr("y", e.y1 + (e.y2 - e.y1) * LABEL_AT - 8);
  });
}
