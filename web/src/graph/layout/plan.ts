import { placeOf, placesOf } from "../model/places.js";
import type { GraphEdge, GraphState } from "../model/types.js";
import { captionLines, captionTop, nodeCaption, wantedNodes } from "../viewModel.js";
import { NODE_RADIUS, radiusOf, type ViewNode } from "../viewNodes.js";
import { brokersOf, flowEdges, ranksOf } from "./flow.js";
import type { TextClass } from "./measure.js";
import type { LayoutGroupIn, LayoutRequest } from "./types.js";

export interface Measure {
  width(cls: TextClass, text: string): number;
  lineHeight(cls: TextClass): number;
}

/** A labelled box: the sockets of one thread or process (when there are several), or of one device. */
export interface NodeGroup extends LayoutGroupIn {
  kind: "thread" | "device";
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
}

/** Counters get room for this many digits at least, so that counting up does not move the picture. */
const COUNTER_DIGITS = 4;
const EDGE_LABEL_TEMPLATES = ["00.0k msg/s", "retrying (000)", "disconnected"];

export function planLayout(graph: GraphState, hidden: ReadonlySet<string>, measure: Measure): LayoutPlan {
  const nodes = wantedNodes(graph, hidden);
  const shown = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target ?? `?${e.endpoint}`));
  const brokers = brokersOf(graph, shown);
  const flow = flowEdges(graph, edges, brokers);
  const ranks = ranksOf(
    nodes.map((n) => n.id),
    flow,
    brokers,
  );
  const groups = groupsOf(graph, nodes).map((g) => ({ ...g, labelWidth: measure.width("group-label", g.label) }));
  // A device's box sits inside its thread's box: its sockets belong to the innermost box.
  const groupOf = new Map<string, string>();
  for (const g of [...groups].sort((a, b) => (a.kind === "device" ? 1 : 0) - (b.kind === "device" ? 1 : 0))) for (const m of g.members) groupOf.set(m, g.id);
  const anchors = new Map<string, { dx: number; dy: number }>();
  const labelWidth = Math.max(...EDGE_LABEL_TEMPLATES.map((t) => measure.width("edge-status", t)));
  const request: LayoutRequest = {
    nodes: nodes.map((n) => {
      const size = nodeSize(n, measure);
      anchors.set(n.id, { dx: size.width / 2, dy: radiusOf(n) + 2 });
      const group = groupOf.get(n.id);
      return { id: n.id, ...size, rank: ranks.get(n.id) ?? 0, ...(group ? { group } : {}) };
    }),
    groups,
    edges: flow.map((f) => {
      const closed = edges.find((e) => e.id === f.id)?.closed;
      return { id: f.id, from: f.from, to: f.to, labelWidth: closed ? 0 : labelWidth, labelHeight: measure.lineHeight("edge-status") };
    }),
  };
  const reversed = new Set(flow.filter((f, i) => f.from !== edges[i].source).map((f) => f.id));
  return { request, nodes, edges, groups, reversed, anchors };
}

/** The box a node needs: its shape and every caption line under it, as wide as the widest line. */
function nodeSize(node: ViewNode, measure: Measure): { width: number; height: number } {
  const caption = nodeCaption(node);
  const digits = "0".repeat(Math.max(COUNTER_DIGITS, String(node.socket?.sent ?? 0).length, String(node.socket?.received ?? 0).length));
  const reserved = node.socket ? { ...caption, counters: `${digits} sent · ${digits} received` } : caption;
  const lines = captionLines(reserved);
  const width = Math.max(2 * radiusOf(node) + 16, ...lines.map((l) => measure.width(l.cls as TextClass, l.text) + 6));
  const height = radiusOf(node) + 2 + captionTop(node) + lines.reduce((s, l) => s + measure.lineHeight(l.cls as TextClass), 0) + 2;
  return { width: Math.ceil(width), height: Math.ceil(Math.max(height, 2 * NODE_RADIUS)) };
}

export function groupsOf(graph: GraphState, nodes: ViewNode[] = wantedNodes(graph)): NodeGroup[] {
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
  return groups;
}
