import type { Selection } from "d3-selection";
import { setAttr, setClass, setText } from "./domWrites.js";
import { rim } from "./geometry.js";
import type { BlockLink } from "./layout/plan.js";
import type { Point } from "./layout/types.js";
import { formatEdgeRate } from "./model/links.js";
import type { GraphState } from "./model/types.js";

type Layer = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Joins a plan's block links to `g.edge-bundle` elements: one line per replica block and peer, with how many edges
 * it stands for (and, in its title, their rate together). Its members' own edges (`g.edge`, with `data-edge`) stay, without a line
 * of their own: a message's dot and a followed hop run along the block's line.
 */
export function drawBlockLinks(layer: Layer, links: BlockLink[], graph: GraphState): void {
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  layer
    .selectAll<SVGGElement, BlockLink>("g.edge-bundle")
    .data(links, (l) => l.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "edge-bundle");
      g.append("path").attr("class", "route").attr("marker-end", "url(#graph-arrow)");
      g.append("text").attr("class", "edge-status").attr("text-anchor", "middle").attr("dy", "0.35em");
      g.append("title");
      return g;
    })
    .each(function (l) {
      const edges = l.edges.flatMap((id) => byId.get(id) ?? []);
      const open = edges.filter((e) => !e.closed);
      const rate = open.reduce((sum, e) => sum + (graph.edgeRates[e.id] ?? 0), 0);
      setAttr(this, "data-bundle", String(edges.length));
      setClass(this, "closed", open.length === 0);
      setClass(
        this,
        "dangling",
        edges.some((e) => e.target === null),
      );
      setText(this.querySelector("text") as SVGTextElement, `×${edges.length}`);
      setText(this.querySelector("title") as Element, `${edges.length} edges${rate ? `, ${formatEdgeRate(rate)} together` : ""}`);
    });
}

/** A link's end at a node (not a block): where its shape is, how large, and whether the user dragged it there. */
export interface NodeEnd {
  centre: Point;
  radius: number;
  pinned: boolean;
}

/**
 * The drawn line of a block link, from the connecting side to the bound side (`reversed`: the flow runs against
 * that). `route` is ELK's, in the flow's direction: at a block it ends on the block's border, at a node it is cut
 * to the node's shape; a pinned node has left its laid-out place, and the line runs straight to it.
 */
export function linkLine(route: Point[], from: NodeEnd | undefined, to: NodeEnd | undefined, reversed: boolean): Point[] {
  let points = [...route];
  if (from?.pinned) points = [from.centre, points[points.length - 1]];
  if (to?.pinned) points = [points[0], to.centre];
  const [source, target] = reversed ? [to, from] : [from, to];
  if (reversed) points.reverse();
  const last = points.length - 1;
  if (source) points[0] = rim(source.centre, points[1], source.radius + 2);
  if (target) points[last] = rim(target.centre, points[last - 1], target.radius + 6);
  return points;
}
