import { select, type Selection } from "d3-selection";
import { familyOf, shapePath } from "./kinds.js";
import type { TextMeasure } from "./layout/measure.js";
import type { GraphEdge, GraphState } from "./model/types.js";
import { captionLines, captionTop, edgeLabels, nodeCaption, nodeTitle } from "./viewModel.js";
import { GHOST_RADIUS, radiusOf, type ViewNode } from "./viewNodes.js";

type Layer = Selection<SVGGElement, unknown, null, undefined>;
export type NodeEnter = Selection<SVGGElement, ViewNode, SVGGElement, unknown>;

/**
 * Joins edge data to `g.edge` elements carrying `data-edge`; their lines come later, from the layout. Edges of a
 * bundle share one route, so they print no rate of their own there (it is in their title).
 */
export function drawEdges(layer: Layer, edges: GraphEdge[], graph: GraphState, bundled: ReadonlySet<string> = new Set()): void {
  const labels = edgeLabels(edges, graph);
  const groups = layer
    .selectAll<SVGGElement, GraphEdge>("g.edge")
    .data(edges, (e) => e.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "edge");
      g.append("path").attr("class", "route").attr("marker-end", "url(#graph-arrow)");
      g.append("text").attr("class", "edge-status").attr("text-anchor", "middle").attr("dy", "0.35em");
      g.append("title");
      return g;
    });
  groups
    .attr("data-edge", (e) => e.id)
    .attr("data-link-state", (e) => labels.get(e.id)?.state ?? null)
    .classed("closed", (e) => e.closed)
    .classed("dangling", (e) => e.target === null)
    .classed("retrying", (e) => labels.get(e.id)?.state === "retrying")
    .classed("disconnected", (e) => labels.get(e.id)?.state === "disconnected");
  groups.select(".edge-status").text((e) => (bundled.has(e.id) ? "" : (labels.get(e.id)?.status ?? "")));
  groups
    .select("title")
    .text(
      (e) =>
        `${e.endpoint}: ${e.forward} messages ${e.source}→${e.target ?? "?"}, ${e.backward} back${labels.get(e.id)?.status ? `; ${labels.get(e.id)?.status}` : ""}`,
    );
}

/** Joins nodes to `g.node` elements carrying `data-socket-id` and `data-kind`; `wire` adds behaviour to new ones. */
export function drawNodes(layer: Layer, nodes: ViewNode[], measure: TextMeasure, wire: (enter: NodeEnter) => void): void {
  const groups = layer
    .selectAll<SVGGElement, ViewNode>("g.node")
    .data(nodes, (n) => n.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "node unplaced");
      g.append("path").attr("class", "shape");
      g.append("text").attr("class", "node-kind").attr("text-anchor", "middle").attr("dy", "0.35em");
      g.append("g").attr("class", "captions");
      g.append("circle").attr("class", "pin-mark").attr("r", 5);
      const badge = g.append("g").attr("class", "node-badge");
      badge.append("circle").attr("r", 10);
      badge.append("text").attr("text-anchor", "middle").attr("dy", "0.35em").text("!");
      g.append("title");
      wire(g);
      return g;
    });
  groups.each(function (n) {
    const el = select(this);
    const lines = captionLines(nodeCaption(n));
    const r = radiusOf(n);
    el.select(".pin-mark")
      .attr("cx", -r * 0.8)
      .attr("cy", -r * 0.8);
    el.select(".node-badge").attr("transform", `translate(${r * 0.75},${-r * 0.75})`);
    el.classed("ghost", !n.socket)
      .classed("compact", !!n.compact)
      .classed("closed", !!n.socket?.closed)
      .classed("has-error", !!n.socket?.lastError)
      .attr("data-family", n.socket ? familyOf(n.socket.kind).family : null)
      .attr("data-socket-id", n.socket ? n.id : null)
      .attr("data-kind", n.socket ? n.socket.kind : null)
      .attr("tabindex", n.socket ? 0 : null)
      .attr("role", n.socket ? "button" : null)
      // The name is the drawn text in drawing order (what a speech-input user reads off the screen); <title> adds details.
      .attr("aria-label", n.socket ? [n.socket.kind, ...lines.map((l) => l.text)].join(", ") : null)
      .attr("aria-hidden", n.socket ? null : "true");
    for (const f of ["reqrep", "pubsub", "pipeline", "async", "pair"]) el.classed(`family-${f}`, !!n.socket && familyOf(n.socket.kind).family === f);
    el.select("path.shape").attr("d", n.socket ? shapePath(familyOf(n.socket.kind).shape, r) : shapePath("circle", GHOST_RADIUS));
    el.select(".node-badge").attr("display", n.socket && (n.socket.diagnostics.length || n.socket.lastError) ? null : "none");
    el.select(".node-kind").text(n.socket ? n.socket.kind : "");
    let y = captionTop(n);
    el.select(".captions")
      .selectAll<SVGTextElement, { cls: string; text: string }>("text")
      .data(lines, (l) => l.cls)
      .join((enter) => enter.append("text").attr("text-anchor", "middle").attr("dy", "0.8em"))
      .attr("class", (l) => l.cls)
      .each(function (l) {
        this.setAttribute("y", String(y));
        y += measure.lineHeight(l.cls as Parameters<TextMeasure["lineHeight"]>[0]);
        // The leading space is not drawn (SVG trims it) but keeps words apart in the node's text: "REP main.ts:4".
        if (this.textContent !== ` ${l.text}`) this.textContent = ` ${l.text}`;
      });
    el.select("title").text(nodeTitle(n));
  });
}
