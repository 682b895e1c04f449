import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";
import type { GraphEdge, SocketNode } from "./types.js";

/** A simulation node: a socket, or a ghost standing for an endpoint nothing is bound to yet. */
export interface SimNode extends SimulationNodeDatum {
  id: string;
  socket: SocketNode | null;
  endpoint: string | null;
  /** -1 pulls left (only connects), +1 pulls right (only binds), 0 stays central. */
  side: number;
}

export interface SimLink extends SimulationLinkDatum<SimNode> {
  id: string;
  edge: GraphEdge;
  source: SimNode;
  target: SimNode;
}

export const NODE_RADIUS = 36;
export const GHOST_RADIUS = 10;

export function radiusOf(node: SimNode): number {
  return node.socket ? NODE_RADIUS : GHOST_RADIUS;
}

/** The visible part of a link: from the rim of one node to the rim of the other. */
export function linkEnds(link: SimLink): { x1: number; y1: number; x2: number; y2: number } {
  const { source: s, target: t } = link;
  const sx = s.x ?? 0, sy = s.y ?? 0, tx = t.x ?? 0, ty = t.y ?? 0;
  const len = Math.hypot(tx - sx, ty - sy) || 1;
  const ux = (tx - sx) / len, uy = (ty - sy) / len;
  const rs = radiusOf(s) + 2, rt = radiusOf(t) + 6;
  return { x1: sx + ux * rs, y1: sy + uy * rs, x2: tx - ux * rt, y2: ty - uy * rt };
}

/**
 * Keeps the node objects the simulation already placed, so positions survive updates. New nodes start in their
 * side's column, in opening order, and a ghost beside the socket that connects to it: fewer crossings to untangle.
 */
export function syncNodes(
  previous: Map<string, SimNode>, wanted: SimNode[], center: { x: number; y: number }, sideOffset: number,
  anchorOf: (node: SimNode) => string | undefined = () => undefined,
): SimNode[] {
  const perSide = new Map<number, number>();
  const placed = new Map<string, SimNode>();
  const counts = new Map<number, number>();
  for (const w of wanted) counts.set(w.side, (counts.get(w.side) ?? 0) + 1);
  return wanted.map((w) => {
    const rank = perSide.get(w.side) ?? 0;
    perSide.set(w.side, rank + 1);
    const old = previous.get(w.id);
    const node = old
      ? Object.assign(old, { socket: w.socket, endpoint: w.endpoint, side: w.side })
      : { ...w, x: center.x + w.side * sideOffset, y: center.y + (rank - ((counts.get(w.side) ?? 1) - 1) / 2) * ROW_GAP };
    const anchor = old ? undefined : placed.get(anchorOf(w) ?? "");
    if (anchor) node.y = anchor.y;
    placed.set(node.id, node);
    return node;
  });
}

const ROW_GAP = 120;
