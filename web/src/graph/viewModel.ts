import { NODE_RADIUS, GHOST_RADIUS, type SimNode } from "./simTypes.js";
import { formatEdgeRate, linkStatusOf } from "./links.js";
import type { GraphEdge, GraphState, LinkStatus, SocketNode } from "./types.js";

/** Which side of the drawing a socket leans to: connecting sockets left, binding ones right, so arrows read left to right. */
function sideOf(socket: SocketNode): number {
  const binds = socket.binds.length > 0, connects = socket.connects.length > 0;
  if (binds === connects) return 0;
  return binds ? 1 : -1;
}

/** The nodes to draw: every socket, plus one ghost per endpoint that connects point at but nothing binds. */
export function wantedNodes(graph: GraphState): SimNode[] {
  const sockets: SimNode[] = graph.nodes.map((s) => ({ id: s.id, socket: s, endpoint: null, side: sideOf(s) }));
  const ghosts = new Map<string, SimNode>();
  for (const e of graph.edges) {
    if (e.target === null) ghosts.set(`?${e.endpoint}`, { id: `?${e.endpoint}`, socket: null, endpoint: e.endpoint, side: 1 });
  }
  return [...sockets, ...ghosts.values()];
}

/** The label without the kind it starts with: "REQ main.ts:9" is drawn as REQ inside the shape and main.ts:9 below. */
export function siteOf(socket: SocketNode): string {
  return socket.label.startsWith(`${socket.kind} `) ? socket.label.slice(socket.kind.length + 1) : socket.label;
}

/** Endpoints are named once, under the socket bound to them (or the ghost standing for one): edges stay uncluttered. */
export function nodeCaption(node: SimNode): { label: string; counters: string; endpoints: string; labelY: number } {
  if (!node.socket) return { label: "nothing bound yet", counters: "", endpoints: node.endpoint ?? "", labelY: GHOST_RADIUS + 20 };
  const s = node.socket;
  const thread = s.process !== undefined ? ` · process ${s.process}` : s.thread === 0 ? "" : ` · thread ${s.thread}`;
  const perSecond = s.rate && !s.closed ? Math.round(Math.max(s.rate.sent, s.rate.received)) : 0;
  const rate = perSecond > 0 ? ` · ${formatRate(perSecond)}/s` : "";
  const endpoints = s.binds.length > 2 ? `${s.binds.slice(0, 2).join(", ")} +${s.binds.length - 2}` : s.binds.join(", ");
  return { label: `${siteOf(s)}${thread}`, counters: `${s.sent} sent · ${s.received} received${rate}`, endpoints, labelY: NODE_RADIUS + 24 };
}

function formatRate(perSecond: number): string {
  return perSecond >= 10_000 ? `${Math.round(perSecond / 1000)}k` : String(perSecond);
}

export function nodeTitle(node: SimNode): string {
  if (!node.socket) return `${node.endpoint}: a socket connects here, but nothing is bound to it yet.`;
  const s = node.socket;
  const where = [...s.binds.map((b) => `bound to ${b}`), ...s.connects.map((c) => `connected to ${c}`)].join(", ");
  const problems = [...s.diagnostics, ...(s.lastError ? [s.lastError] : [])].map((p) => `\n⚠ ${p}`).join("");
  return `${s.label} (${s.id})${s.closed ? ", closed" : ""}${where ? `; ${where}` : ""}; ${s.sent} sent, ${s.received} received${problems}`;
}

export interface EdgeLabel {
  state?: LinkStatus["state"];
  /** "retrying (3)", "disconnected" or a rate such as "1.2k msg/s"; the endpoint is named under the bound node. */
  status: string;
}

export function edgeLabels(edges: GraphEdge[], graph: GraphState): Map<string, EdgeLabel> {
  const labels = new Map<string, EdgeLabel>();
  for (const edge of edges) {
    const link = linkStatusOf(graph, edge);
    const rate = graph.edgeRates[edge.id];
    const status = edge.closed ? ""
      : link?.state === "retrying" ? `retrying (${link.retries})`
      : link?.state === "disconnected" ? "disconnected"
      : rate ? formatEdgeRate(rate) : "";
    labels.set(edge.id, { status, ...(link && !edge.closed ? { state: link.state } : {}) });
  }
  return labels;
}
