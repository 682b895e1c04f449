import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import type { Box, LayoutEdgeOut, LayoutRequest, LayoutResult } from "./types.js";

/**
 * Spacing in graph units (CSS px at zoom 1): between sockets in one layer, and between layers. A rate label gets a
 * layer of its own between its edge's ends, so the gap on either side of it need only hold an arrow head.
 */
export const SPACING = { node: 20, layer: 32, edgeLabel: 6, groupTop: 30, groupSide: 14, packed: 8 };

const ROOT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.padding": "[top=4,left=4,bottom=4,right=4]",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.partitioning.activate": "true",
  "elk.edgeRouting": "POLYLINE",
  "elk.spacing.nodeNode": String(SPACING.node),
  "elk.layered.spacing.nodeNodeBetweenLayers": String(SPACING.layer),
  "elk.spacing.edgeLabel": String(SPACING.edgeLabel),
  "elk.spacing.edgeNode": "14",
  "elk.edgeLabels.placement": "CENTER",
  "elk.layered.edgeLabels.sideSelection": "ALWAYS_UP",
  // Sockets keep the order they were opened in: a new socket does not reshuffle the ones already drawn.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.crossingMinimization.forceNodeModelOrder": "false",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
};

/** A replica block: its own layout, rows of sockets a little wider than tall, so a pool of 20 is not one tall column. */
const PACKED_OPTIONS: Record<string, string> = {
  "elk.algorithm": "box",
  "elk.hierarchyHandling": "SEPARATE_CHILDREN",
  "elk.spacing.nodeNode": String(SPACING.packed),
  "elk.aspectRatio": "2.5",
  "elk.padding": `[top=${SPACING.groupTop},left=${SPACING.packed},bottom=${SPACING.packed},right=${SPACING.packed}]`,
};

const LABEL_STAND_IN = "rate";

/** The ELK graph for a request: groups become compound nodes (a device inside its thread), ranks become partitions. */
export function toElk(request: LayoutRequest): ElkNode {
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: "__root", layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const rankOf = new Map<string, number>();
  for (const n of request.nodes) rankOf.set(n.id, n.rank);
  const groupRank = (id: string): number =>
    Math.min(...request.nodes.filter((n) => inGroup(request, n.group, id)).map((n) => n.rank), Number.POSITIVE_INFINITY);
  for (const g of request.groups) {
    const rank = groupRank(g.id);
    elkNodes.set(g.id, {
      id: g.id,
      children: [],
      layoutOptions: {
        "elk.partitioning.activate": "true",
        "elk.partitioning.partition": String(Number.isFinite(rank) ? rank : 0),
        "elk.padding": `[top=${SPACING.groupTop},left=${SPACING.groupSide},bottom=${SPACING.groupSide},right=${SPACING.groupSide}]`,
        "elk.nodeSize.minimum": `(${g.labelWidth + 2 * SPACING.groupSide},40)`,
        "elk.nodeSize.constraints": "MINIMUM_SIZE",
        ...(g.packed ? PACKED_OPTIONS : {}),
      },
    });
  }
  for (const g of request.groups) (g.parent && elkNodes.has(g.parent) ? elkNodes.get(g.parent)?.children : root.children)?.push(elkNodes.get(g.id) as ElkNode);
  for (const n of request.nodes) {
    const node: ElkNode = { id: n.id, width: n.width, height: n.height, layoutOptions: { "elk.partitioning.partition": String(n.rank) } };
    (n.group && elkNodes.has(n.group) ? elkNodes.get(n.group)?.children : root.children)?.push(node);
  }
  root.edges = request.edges.map(
    (e): ElkExtendedEdge => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      // ELK leaves a label with no text unplaced, at 0,0: the room is kept under a stand-in text, the rate is drawn later.
      ...(e.labelWidth > 0 ? { labels: [{ id: `${e.id}#label`, text: LABEL_STAND_IN, width: e.labelWidth, height: e.labelHeight }] } : {}),
    }),
  );
  return root;
}

function inGroup(request: LayoutRequest, group: string | undefined, id: string): boolean {
  for (let g = group; g; g = request.groups.find((x) => x.id === g)?.parent) if (g === id) return true;
  return false;
}

/** Reads ELK's answer back in absolute coordinates: ELK gives children and edges relative to their container. */
export function fromElk(laid: ElkNode, ms: number): LayoutResult {
  const nodes: Record<string, Box> = {},
    groups: Record<string, Box> = {};
  const offset = new Map<string, { x: number; y: number }>([["__root", { x: 0, y: 0 }]]);
  const walk = (parent: ElkNode, ox: number, oy: number) => {
    for (const c of parent.children ?? []) {
      const box = { x: ox + (c.x ?? 0), y: oy + (c.y ?? 0), width: c.width ?? 0, height: c.height ?? 0 };
      offset.set(c.id, { x: box.x, y: box.y });
      if (c.children?.length || c.layoutOptions?.["elk.padding"]) groups[c.id] = box;
      else nodes[c.id] = box;
      walk(c, box.x, box.y);
    }
  };
  walk(laid, 0, 0);
  const edges: Record<string, LayoutEdgeOut> = {};
  const collect = (parent: ElkNode) => {
    for (const e of (parent.edges ?? []) as ElkExtendedEdge[]) {
      const o = offset.get((e as { container?: string }).container ?? parent.id) ?? { x: 0, y: 0 };
      const s = e.sections?.[0];
      const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x + o.x, y: p.y + o.y })) : [];
      const l = e.labels?.[0];
      // The root's padding keeps every placed label off 0,0: there it is one ELK did not place.
      const placed = l !== undefined && ((l.x ?? 0) !== 0 || (l.y ?? 0) !== 0);
      edges[e.id] = { points, ...(placed ? { label: { x: (l.x ?? 0) + o.x, y: (l.y ?? 0) + o.y, width: l.width ?? 0, height: l.height ?? 0 } } : {}) };
    }
    for (const c of parent.children ?? []) collect(c);
  };
  collect(laid);
  return { nodes, groups, edges, width: laid.width ?? 0, height: laid.height ?? 0, ms };
}
