import { endpointsMatch } from "../../../protocol/endpoints.js";
import type { Binding, Connection, GraphEdge, SocketNode } from "./types.js";

/** The edge id the DOM carries as `data-edge`: "s2->s1", or "s2->?tcp://host:port" while nothing is bound there. */
export function edgeId(source: string, target: string | null, endpoint: string): string {
  return target === null ? `${source}->?${endpoint}` : `${source}->${target}`;
}

/** The binding a connect reaches: an open socket's binding if there is one, else the latest. */
function bindingFor(connection: Connection, bindings: Binding[], closed: Set<string>): Binding | undefined {
  const matches = bindings.filter((b) => b.socket !== connection.socket && endpointsMatch(connection.endpoint, b.endpoint));
  return matches.filter((b) => !closed.has(b.socket)).at(-1) ?? matches.at(-1);
}

/**
 * Edges are derived from connects and binds each time either changes, so a bind that comes after the connect
 * still completes the edge. Message counters carry over from the previous edges by id.
 */
export function deriveEdges(
  nodes: SocketNode[], connections: Connection[], bindings: Binding[], previous: GraphEdge[],
): GraphEdge[] {
  const closed = new Set(nodes.filter((n) => n.closed).map((n) => n.id));
  const before = new Map(previous.map((e) => [e.id, e]));
  const edges = new Map<string, GraphEdge>();
  for (const c of connections) {
    const target = bindingFor(c, bindings, closed)?.socket ?? null;
    const id = edgeId(c.socket, target, c.endpoint);
    if (edges.has(id)) continue;
    const old = before.get(id);
    edges.set(id, {
      id, source: c.socket, target, endpoint: c.endpoint,
      forward: old?.forward ?? 0, backward: old?.backward ?? 0,
      closed: closed.has(c.socket) || (target !== null && closed.has(target)),
    });
  }
  return [...edges.values()];
}

/** The other end of an edge seen from `socket`, or null when the edge does not touch it or dangles. */
export function peerOf(edge: GraphEdge, socket: string): string | null {
  if (edge.source === socket) return edge.target;
  if (edge.target === socket) return edge.source;
  return null;
}
