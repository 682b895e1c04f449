import type { Connection, GraphEdge, SocketNode, TopologyLink } from "./types.js";

/** The edge id the DOM carries as `data-edge`: "s2->s1", or "s2->?tcp://host:port" while nothing is bound there. */
export function edgeId(source: string, target: string | null, endpoint: string): string {
  return target === null ? `${source}->?${endpoint}` : `${source}->${target}`;
}

/**
 * Edges come from the server's links (link/up, link/down): which connect reached which bind is decided there,
 * once, for the graph, the diagnostics and the lesson checks alike. A connect with no live link is drawn
 * dangling towards its endpoint. Message counters carry over from the previous edges by id.
 */
export function deriveEdges(nodes: SocketNode[], connections: Connection[], links: TopologyLink[], previous: GraphEdge[]): GraphEdge[] {
  const closed = new Set(nodes.filter((n) => n.closed).map((n) => n.id));
  const before = new Map(previous.map((e) => [e.id, e]));
  const edges = new Map<string, GraphEdge>();
  const add = (source: string, target: string | null, endpoint: string, up: boolean) => {
    const id = edgeId(source, target, endpoint);
    const isClosed = !up || closed.has(source) || (target !== null && closed.has(target));
    const existing = edges.get(id);
    if (existing) {
      existing.closed &&= isClosed;
      return;
    }
    const old = before.get(id);
    edges.set(id, { id, source, target, endpoint, forward: old?.forward ?? 0, backward: old?.backward ?? 0, closed: isClosed });
  };
  for (const link of links) add(link.from, link.to, link.endpoint, link.up);
  const linked = new Set(links.map((l) => `${l.from} ${l.endpoint}`));
  const linkedNow = new Set(links.filter((l) => l.up).map((l) => `${l.from} ${l.endpoint}`));
  for (const c of connections) {
    const key = `${c.socket} ${c.endpoint}`;
    // A closed socket's connect that did reach a bind is shown by its faded edge alone.
    if (linkedNow.has(key) || (closed.has(c.socket) && linked.has(key))) continue;
    add(c.socket, null, c.endpoint, true);
  }
  return [...edges.values()];
}

/** The other end of an edge seen from `socket`, or null when the edge does not touch it or dangles. */
export function peerOf(edge: GraphEdge, socket: string): string | null {
  if (edge.source === socket) return edge.target;
  if (edge.target === socket) return edge.source;
  return null;
}
