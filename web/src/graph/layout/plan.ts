import { familyOf, radiusToFit } from "../kinds.js";
import { placeOf, placesOf } from "../model/places.js";
import type { GraphEdge, GraphState } from "../model/types.js";
import { captionLines, captionTop, nodeCaption, wantedNodes } from "../viewModel.js";
import { NODE_RADIUS, radiusOf, type ViewNode } from "../viewNodes.js";
import { SPACING } from "./elkGraph.js";
import { brokersOf, flowEdges, ranksOf } from "./flow.js";
import type { TextClass } from "./measure.js";
import { arrangement } from "./arrange.js";
import { relayEdges } from "./relays.js";
import { type ReplicaBlock, replicaBlocks } from "./replicas.js";
import type { LayoutGroupIn, LayoutRequest } from "./types.js";

export interface Measure {
  width(cls: TextClass, text: string): number;
  lineHeight(cls: TextClass): number;
  /** The kind inside a node's shape: its width and font size. */
  kind(text: string, compact: boolean): { width: number; size: number };
}

/** A labelled box: the sockets of one thread or process (when there are several), or of one device. */
export interface NodeGroup extends LayoutGroupIn {
  kind: "thread" | "device" | "replicas";
}

/** What is drawn and how it is laid out. `reversed` edges run against the flow: the arrow points upstream. */
export interface LayoutPlan {
  request: LayoutRequest;
  nodes: ViewNode[];
  edges: GraphEdge[];
  groups: NodeGroup[];
  reversed: ReadonlySet<string>;
  /** Where each node's shape is centred inside its layout box. */
  anchors: Map<string, { dx: number; dy: number }>;
  /**
   * Edges of a replica block share one laid-out route (a bundle): edge id → the route's id, and which of its ends
   * are block members (their line runs from the member to the block's border, then along the bundle).
   */
  bundles: Map<string, { route: string; fromMember: boolean; toMember: boolean }>;
  /** One line per replica block and peer, drawn instead of its members' edges (laid out as the bundle's route). */
  links: BlockLink[];
}

/** A block's edges to one peer: `from` and `to` are the route's ends in the flow's direction (a block's or a node's id). */
export interface BlockLink {
  id: string;
  from: string;
  to: string;
  edges: string[];
}

/** Names are drawn at least this high on screen (CSS px) once the picture is fitted to the pane, where it can be done. */
export const MIN_NAME_PX = 9;
/** Counters get room for this many digits at least, so that counting up does not move the picture. */
const COUNTER_DIGITS = 4;
const EDGE_LABEL_TEMPLATES = ["00.0k msg/s", "retrying (000)", "disconnected"];
/** A block's line says how many edges it stands for (their rate together is in its title). */
const LINK_LABEL_TEMPLATE = "×00";

/** `pane`: the size the picture is fitted to; parts of the graph are arranged in rows to suit its shape. */
export function planLayout(graph: GraphState, hidden: ReadonlySet<string>, measure: Measure, pane?: { width: number; height: number }): LayoutPlan {
  const blocks = replicaBlocks(graph, wantedNodes(graph, hidden));
  const blockOf = new Map(blocks.flatMap((b) => b.members.map((m) => [m, b.id] as const)));
  const named = wantedNodes(graph, hidden).map((n) => sizedToKind(blockOf.has(n.id) ? { ...n, compact: true } : n, measure));
  const shown = new Set(named.map((n) => n.id));
  const edges = graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target ?? `?${e.endpoint}`));
  const brokers = brokersOf(graph, shown);
  const flow = flowEdges(graph, edges, brokers);
  // A worker's input and output: laid out in turn (so the sink comes after the workers), never drawn.
  const relays = relayEdges(graph, shown, flow);
  const flowRanks = ranksOf([...shown], [...flow, ...relays], brokers);
  const arrange = (nodes: ViewNode[]) => {
    const sizes = new Map(nodes.map((n) => [n.id, nodeSize(n, measure)]));
    const arranged = pane ? arrangement(packedSizes(sizes, blocks), flowRanks, [...flow, ...relays], brokers, pane) : { ranks: flowRanks, zoom: 1 };
    return { ...arranged, sizes, nodes };
  };
  let laid = arrange(named);
  // Where the pane is too small for every replica's name to be read, blocks are drawn as shapes (names in their titles).
  if (blocks.length && laid.zoom * (measure.lineHeight("node-label") / 1.3) < MIN_NAME_PX)
    laid = arrange(named.map((n) => (n.compact ? { ...n, bare: true } : n)));
  const { nodes, sizes, ranks } = laid;
  const groups = groupsOf(graph, nodes, blocks).map((g) => ({ ...g, labelWidth: measure.width("group-label", g.label) }));
  // A device's or a replica block's box sits inside its thread's box: its sockets belong to the innermost box.
  const groupOf = new Map<string, string>();
  for (const g of [...groups].sort((a, b) => (a.kind === "thread" ? 0 : 1) - (b.kind === "thread" ? 0 : 1))) for (const m of g.members) groupOf.set(m, g.id);
  const anchors = new Map<string, { dx: number; dy: number }>();
  const labelWidth = Math.max(...EDGE_LABEL_TEMPLATES.map((t) => measure.width("edge-status", t)));
  const request: LayoutRequest = {
    nodes: nodes.map((n) => {
      const size = sizes.get(n.id) as { width: number; height: number };
      anchors.set(n.id, { dx: size.width / 2, dy: radiusOf(n) + (n.bare ? 4 : 2) });
      const group = groupOf.get(n.id);
      return { id: n.id, ...size, rank: ranks.get(n.id) ?? 0, ...(group ? { group } : {}) };
    }),
    groups,
    edges: [],
  };
  const bundles: LayoutPlan["bundles"] = new Map();
  const links = new Map<string, BlockLink>();
  for (const f of flow) {
    const from = blockOf.get(f.from) ?? f.from,
      to = blockOf.get(f.to) ?? f.to;
    const bundled = from !== f.from || to !== f.to;
    if (bundled) {
      // Inside one block there is no route to share: the line is drawn straight.
      if (from === to) continue;
      const key = `${from}\n${to}`;
      const link = links.get(key);
      bundles.set(f.id, { route: link?.id ?? f.id, fromMember: from !== f.from, toMember: to !== f.to });
      if (link) {
        link.edges.push(f.id);
        continue;
      }
      links.set(key, { id: f.id, from, to, edges: [f.id] });
    }
    const closed = edges.find((e) => e.id === f.id)?.closed;
    const label = bundled ? measure.width("edge-status", LINK_LABEL_TEMPLATE) : closed ? 0 : labelWidth;
    request.edges.push({ id: f.id, from, to, labelWidth: label, labelHeight: measure.lineHeight("edge-status") });
  }
  for (const r of relays) {
    const from = blockOf.get(r.from) ?? r.from,
      to = blockOf.get(r.to) ?? r.to;
    const id = `relay:${from}->${to}`;
    if (from !== to && !request.edges.some((e) => e.id === id)) request.edges.push({ id, from, to, labelWidth: 0, labelHeight: 0 });
  }
  const reversed = new Set(flow.filter((f, i) => f.from !== edges[i].source).map((f) => f.id));
  return { request, nodes, edges, groups, reversed, anchors, bundles, links: [...links.values()] };
}

/**
 * Sizes for arranging parts: a replica block's members share its packed box (about 2.5 times as wide as tall), so
 * each counts as that box's width and its share of the height.
 */
function packedSizes(sizes: Map<string, { width: number; height: number }>, blocks: ReplicaBlock[]) {
  const out = new Map([...sizes].map(([id, s]) => [id, { id, ...s }]));
  for (const b of blocks) {
    const cell = sizes.get(b.members[0]) as { width: number; height: number };
    const columns = Math.max(1, Math.round(Math.sqrt((b.members.length * 2.5 * cell.height) / cell.width)));
    const width = columns * (cell.width + SPACING.packed),
      height = Math.ceil(b.members.length / columns) * (cell.height + SPACING.packed) + SPACING.groupTop;
    for (const m of b.members) out.set(m, { id: m, width, height: height / b.members.length });
  }
  return [...out.values()];
}

/** A socket whose kind is wider than its shape (ROUTER in presenter mode's type) gets a larger shape of the same kind. */
function sizedToKind(node: ViewNode, measure: Measure): ViewNode {
  if (!node.socket) return node;
  const { width, size } = measure.kind(node.socket.kind, !!node.compact);
  const needed = Math.ceil(radiusToFit(familyOf(node.socket.kind).shape, width, size));
  return needed > radiusOf(node) ? { ...node, radius: needed } : node;
}

/** The box a node needs: its shape and every caption line under it, as wide as the widest line. */
function nodeSize(node: ViewNode, measure: Measure): { width: number; height: number } {
  const caption = nodeCaption(node);
  const digits = "0".repeat(Math.max(COUNTER_DIGITS, String(node.socket?.sent ?? 0).length, String(node.socket?.received ?? 0).length));
  const reserved = node.socket && !node.compact ? { ...caption, counters: `${digits} sent · ${digits} received` } : caption;
  const lines = captionLines(reserved);
  if (node.bare) return { width: 2 * radiusOf(node) + 8, height: 2 * radiusOf(node) + 8 };
  const width = Math.max(2 * radiusOf(node) + 16, ...lines.map((l) => measure.width(l.cls as TextClass, l.text) + 6));
  const height = radiusOf(node) + 2 + captionTop(node) + lines.reduce((s, l) => s + measure.lineHeight(l.cls as TextClass), 0) + 2;
  return { width: Math.ceil(width), height: Math.ceil(Math.max(height, 2 * NODE_RADIUS)) };
}

export function groupsOf(graph: GraphState, nodes: ViewNode[] = wantedNodes(graph), blocks = replicaBlocks(graph, nodes)): NodeGroup[] {
  const sockets = nodes.flatMap((n) => (n.socket ? [n.socket] : []));
  const places = placesOf(sockets);
  const groups: NodeGroup[] =
    places.length < 2
      ? []
      : places.map((place) => ({
          id: `g:thread-${place.key}`,
          kind: "thread",
          label: place.label,
          labelWidth: 0,
          members: sockets.filter((s) => placeOf(s).key === place.key).map((s) => s.id),
        }));
  const shown = new Set(sockets.map((s) => s.id));
  for (const d of graph.devices) {
    const members = d.sockets.filter((s) => shown.has(s));
    if (!members.length) continue;
    const homes = new Set(members.map((m) => placeOf(sockets.find((s) => s.id === m) as (typeof sockets)[number]).key));
    const parent = homes.size === 1 && places.length >= 2 ? `g:thread-${[...homes][0]}` : undefined;
    groups.push({ id: `g:device-${d.id}`, kind: "device", label: d.label, labelWidth: 0, members, ...(parent ? { parent } : {}) });
  }
  for (const b of blocks) {
    const home = placeOf(sockets.find((s) => s.id === b.members[0]) as (typeof sockets)[number]).key;
    const parent = places.length >= 2 ? `g:thread-${home}` : undefined;
    groups.push({ id: b.id, kind: "replicas", label: b.label, labelWidth: 0, packed: true, members: b.members, ...(parent ? { parent } : {}) });
  }
  return groups;
}
