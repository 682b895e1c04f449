import { endpointsMatch } from "../../../../protocol/endpoints.js";
import type { TraceEventOf } from "../../../../protocol/trace.js";
import type { GraphEdge, GraphState, LinkStatus } from "./types.js";

/** The key of one connect in `GraphState.links`: a socket may connect to several endpoints. */
export function linkKey(socket: string, endpoint: string): string {
  return `${socket} ${endpoint}`;
}

export function linkStatusOf(graph: GraphState, edge: GraphEdge): LinkStatus | undefined {
  return graph.links[linkKey(edge.source, edge.endpoint)];
}

/**
 * Observer events of the connecting side: `connect:retry` while nobody answers, `connect`/`handshake` once a peer
 * does, `disconnect` when it goes away. The event names the endpoint as libzmq resolved it, so it is matched
 * against the socket's own connects.
 */
export function reduceObserved(state: GraphState, event: TraceEventOf<"socket/event">): GraphState {
  if (!event.endpoint) return state;
  const endpoint = event.endpoint;
  const connection = state.connections.find((c) => c.socket === event.socket && (c.endpoint === endpoint || endpointsMatch(c.endpoint, endpoint)));
  if (!connection) return state;
  const key = linkKey(connection.socket, connection.endpoint);
  const before = state.links[key];
  const next = nextStatus(before, event.event, event.retries);
  return !next || next === before ? state : { ...state, links: { ...state.links, [key]: next } };
}

function nextStatus(before: LinkStatus | undefined, observed: string, retries = 1): LinkStatus | undefined {
  switch (observed) {
    case "connect:retry":
    case "connect:delay":
      return { state: "retrying", retries: (before?.retries ?? 0) + (observed === "connect:retry" ? retries : 0) };
    case "connect":
    case "handshake":
      return { state: "connected", retries: 0 };
    case "disconnect":
      return { state: "disconnected", retries: before?.retries ?? 0 };
    default:
      return before;
  }
}

/**
 * Rates come per socket; an edge's share of its connecting socket's rate is its share of the messages seen on
 * that socket's edges since the last rates event (message events may be sampled, counters are not).
 */
export function estimateEdgeRates(state: GraphState): GraphState {
  const bySource = new Map<string, GraphEdge[]>();
  for (const e of state.edges) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  const edgeRates: Record<string, number> = {};
  const edgeMarks: Record<string, number> = {};
  for (const [source, edges] of bySource) {
    const node = state.nodes.find((n) => n.id === source);
    const rate = node?.rate && !node.closed ? Math.max(node.rate.sent, node.rate.received) : 0;
    const deltas = edges.map((e) => Math.max(0, e.forward + e.backward - (state.edgeMarks[e.id] ?? 0)));
    const total = deltas.reduce((a, b) => a + b, 0);
    const live = edges.filter((e) => !e.closed && e.target !== null).length || 1;
    edges.forEach((e, i) => {
      edgeMarks[e.id] = e.forward + e.backward;
      const share = total > 0 ? deltas[i] / total : e.closed || e.target === null ? 0 : 1 / live;
      if (rate * share >= 0.5) edgeRates[e.id] = rate * share;
    });
  }
  return { ...state, edgeRates, edgeMarks };
}

export function reduceDevice(state: GraphState, event: TraceEventOf<"device/open">): GraphState {
  const device = { id: event.device, kind: event.kind, label: event.label ?? `${event.kind} device`, sockets: event.sockets };
  return { ...state, devices: [...state.devices.filter((d) => d.id !== event.device), device] };
}

/** "1.2k msg/s" for an edge label. */
export function formatEdgeRate(perSecond: number): string {
  if (perSecond >= 10_000) return `${Math.round(perSecond / 1000)}k msg/s`;
  if (perSecond >= 1000) return `${(perSecond / 1000).toFixed(1)}k msg/s`;
  return `${Math.round(perSecond)} msg/s`;
}
