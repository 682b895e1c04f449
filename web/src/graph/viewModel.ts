import { formatEdgeRate, linkStatusOf } from "./model/links.js";
import type { GraphEdge, GraphState, LinkStatus, SocketNode } from "./model/types.js";
import { nameOf, radiusOf, type ViewNode } from "./viewNodes.js";

/** The nodes to draw: every socket not hidden, plus one ghost per endpoint that connects point at but nothing binds. */
export function wantedNodes(graph: GraphState, hidden: ReadonlySet<string> = new Set()): ViewNode[] {
  const sockets: ViewNode[] = graph.nodes.filter((s) => !hidden.has(s.id)).map((s) => ({ id: s.id, socket: s, endpoint: null }));
  const ghosts = new Map<string, ViewNode>();
  for (const e of graph.edges) {
    if (e.target === null && !hidden.has(e.source)) ghosts.set(`?${e.endpoint}`, { id: `?${e.endpoint}`, socket: null, endpoint: e.endpoint });
  }
  return [...sockets, ...ghosts.values()];
}

/** The label without the kind it starts with: "REQ main.ts:9" is drawn as REQ inside the shape and main.ts:9 below. */
export function siteOf(socket: SocketNode): string {
  return socket.label.startsWith(`${socket.kind} `) ? socket.label.slice(socket.kind.length + 1) : socket.label;
}

export interface NodeCaption {
  /** The socket's name ("frontend", "worker #2") or, until the trace names it, where it was made. */
  label: string;
  /** Where it was made, when the label is a name. */
  detail: string;
  counters: string;
  endpoints: string;
}

/** Endpoints are named once, under the socket bound to them (or the ghost standing for one): edges stay uncluttered. */
export function nodeCaption(node: ViewNode): NodeCaption {
  if (!node.socket) return { label: "nothing bound yet", detail: "", counters: "", endpoints: node.endpoint ?? "" };
  const s = node.socket;
  const name = nameOf(s);
  if (node.compact) return { label: node.bare ? "" : (name ?? `#${s.id}`), detail: "", counters: "", endpoints: "" };
  const endpoints = s.binds.length > 2 ? `${s.binds.slice(0, 2).join(", ")} +${s.binds.length - 2}` : s.binds.join(", ");
  return { label: name ?? siteOf(s), detail: name ? (s.detail ?? siteOf(s)) : "", counters: `${s.sent} sent · ${s.received} received`, endpoints };
}

/** Lines of a caption below the shape, top to bottom, with their CSS class; the site shares the counters' line. */
export function captionLines(c: NodeCaption): Array<{ cls: string; text: string }> {
  return [
    { cls: "node-label", text: c.label },
    { cls: "node-counters", text: [c.detail, c.counters].filter(Boolean).join(" · ") },
    { cls: "node-endpoints", text: c.endpoints },
  ].filter((l) => l.text);
}

/** Captions start this far below a node's centre. */
export function captionTop(node: ViewNode): number {
  return radiusOf(node) + 4;
}

export function nodeTitle(node: ViewNode): string {
  if (!node.socket) return `${node.endpoint}: a socket connects here, but nothing is bound to it yet.`;
  const s = node.socket;
  const where = [...s.binds.map((b) => `bound to ${b}`), ...s.connects.map((c) => `connected to ${c}`)].join(", ");
  const problems = [...s.diagnostics, ...(s.lastError ? [s.lastError] : [])].map((p) => `\n⚠ ${p}`).join("");
  return `${nameOf(s) ? `${nameOf(s)}, ` : ""}${s.label} (${s.id})${s.closed ? ", closed" : ""}${where ? `; ${where}` : ""}; ${s.sent} sent, ${s.received} received${problems}`;
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
    const status = edge.closed
      ? ""
      : link?.state === "retrying"
        ? `retrying (${link.retries})`
        : link?.state === "disconnected"
          ? "disconnected"
          : rate
            ? formatEdgeRate(rate)
            : "";
    labels.set(edge.id, { status, ...(link && !edge.closed ? { state: link.state } : {}) });
  }
  return labels;
}
