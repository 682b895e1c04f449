import { NODE_RADIUS, GHOST_RADIUS, type SimNode } from "./simTypes.js";
import type { GraphState, SocketNode } from "./types.js";

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

export function nodeCaption(node: SimNode): { label: string; counters: string; labelY: number } {
  if (!node.socket) return { label: "nothing bound yet", counters: "", labelY: GHOST_RADIUS + 20 };
  const s = node.socket;
  const thread = s.thread === 0 ? "" : ` · thread ${s.thread}`;
  const perSecond = s.rate && !s.closed ? Math.round(Math.max(s.rate.sent, s.rate.received)) : 0;
  const rate = perSecond > 0 ? ` · ${formatRate(perSecond)}/s` : "";
  return { label: `${siteOf(s)}${thread}`, counters: `${s.sent} sent · ${s.received} received${rate}`, labelY: NODE_RADIUS + 24 };
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
