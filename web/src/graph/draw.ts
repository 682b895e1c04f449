import { select, type Selection } from "d3-selection";
import { familyOf, shapePath } from "./kinds.js";
import type { TextMeasure } from "./layout/measure.js";
import type { GraphEdge, GraphState } from "./model/types.js";
import { captionLines, captionTop, edgeLabels, nodeCaption, nodeTitle } from "./viewModel.js";
import { setAttr, setClass, setText } from "./domWrites.js";
import { GHOST_RADIUS, nameOf, radiusOf, type ViewNode } from "./viewNodes.js";

type Layer = Selection<SVGGElement, unknown, null, undefined>;
export type NodeEnter = Selection<SVGGElement, ViewNode, SVGGElement, unknown>;

/**
 * Joins edge data to `g.edge` elements carrying `data-edge`; their lines come later, from the layout. Edges of a
 * replica block to one peer are drawn as one line (see blockLinks.ts): they print no line or rate of their own.
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
  groups.each(function (e) {
    const state = labels.get(e.id)?.state;
    setAttr(this, "data-edge", e.id);
    setAttr(this, "data-link-state", state ?? null);
    setClass(this, "closed", e.closed);
    setClass(this, "bundled", bundled.has(e.id));
    setClass(this, "dangling", e.target === null);
    setClass(this, "retrying", state === "retrying");
    setClass(this, "disconnected", state === "disconnected");
  });
  // Only what changed is written: a busy run redraws many times a second, mostly with the same words.
  groups.select<SVGTextElement>(".edge-status").each(function (e) {
    setText(this, bundled.has(e.id) ? "" : (labels.get(e.id)?.status ?? ""));
  });
  groups.select<SVGTitleElement>("title").each(function (e) {
    const status = labels.get(e.id)?.status;
    setText(this, `${e.endpoint}: ${e.forward} messages ${e.source}→${e.target ?? "?"}, ${e.backward} back${status ? `; ${status}` : ""}`);
  });
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
    setAttr(el.select(".pin-mark").node() as Element, "cx", String(-r * 0.8));
    setAttr(el.select(".pin-mark").node() as Element, "cy", String(-r * 0.8));
    setAttr(el.select(".node-badge").node() as Element, "transform", `translate(${r * 0.75},${-r * 0.75})`);
    setClass(this, "ghost", !n.socket);
    setClass(this, "compact", !!n.compact);
    setClass(this, "closed", !!n.socket?.closed);
    setClass(this, "has-error", !!n.socket?.lastError);
    setAttr(this, "data-family", n.socket ? familyOf(n.socket.kind).family : null);
    setAttr(this, "data-socket-id", n.socket ? n.id : null);
    setAttr(this, "data-kind", n.socket ? n.socket.kind : null);
    setAttr(this, "tabindex", n.socket ? "0" : null);
    setAttr(this, "role", n.socket ? "button" : null);
    // The name is the drawn text in drawing order (what a speech-input user reads off the screen); <title> adds details.
    // A replica drawn bare shows no name, but keeps it in its accessible name.
    const spoken = n.bare && n.socket ? [nameOf(n.socket) ?? `#${n.socket.id}`] : lines.map((l) => l.text);
    setAttr(this, "aria-label", n.socket ? [n.socket.kind, ...spoken].join(", ") : null);
    setAttr(this, "aria-hidden", n.socket ? null : "true");
    for (const f of ["reqrep", "pubsub", "pipeline", "async", "pair"]) setClass(this, `family-${f}`, !!n.socket && familyOf(n.socket.kind).family === f);
    setAttr(el.select("path.shape").node() as Element, "d", n.socket ? shapePath(familyOf(n.socket.kind).shape, r) : shapePath("circle", GHOST_RADIUS));
    setAttr(el.select(".node-badge").node() as Element, "display", n.socket && (n.socket.diagnostics.length || n.socket.lastError) ? null : "none");
    setText(el.select(".node-kind").node() as Element, n.socket ? n.socket.kind : "");
    let y = captionTop(n);
    el.select(".captions")
      .selectAll<SVGTextElement, { cls: string; text: string }>("text")
      .data(lines, (l) => l.cls)
      .join((enter) => enter.append("text").attr("text-anchor", "middle").attr("dy", "0.8em"))
      .each(function (l) {
        setAttr(this, "class", l.cls);
        setAttr(this, "y", String(y));
        y += measure.lineHeight(l.cls as Parameters<TextMeasure["lineHeight"]>[0]);
        // The leading space is not drawn (SVG trims it) but keeps words apart in the node's text: "REP main.ts:4".
        setText(this, ` ${l.text}`);
      });
    setText(el.select("title").node() as Element, nodeTitle(n));
  });
}
