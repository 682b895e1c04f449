import type { MessageEvent, TraceEvent } from "../../../../protocol/trace.js";
import { deriveEdges } from "./edges.js";
import { estimateEdgeRates, reduceDevice, reduceObserved } from "./links.js";
import { placeMessage } from "./messages.js";
import { MESSAGE_LOG_LIMIT, emptyGraph, type GraphState, type MessageRecord, type SocketNode } from "./types.js";

export { emptyGraph } from "./types.js";
export type { GraphState } from "./types.js";

/** A socket's latest diagnostics; a loop that keeps tripping one must not grow the node without bound. */
const DIAGNOSTICS_PER_SOCKET = 10;

/** Pure: folds one trace event into graph state. Unknown sockets are created on first sight, as events may be sampled. */
export function reduceGraph(state: GraphState, event: TraceEvent): GraphState {
  switch (event.type) {
    case "run/start":
      return emptyGraph;
    case "socket/open":
      return withNode(state, event.socket, {
        kind: event.kind,
        label: event.label,
        thread: event.thread,
        ...(event.process === undefined ? {} : { process: event.process }),
      });
    case "socket/name":
      return updateNode(ensure(state, event), event.socket, () => ({ name: event.name, detail: event.detail }));
    case "socket/bind": {
      const endpoint = event.resolved ?? event.endpoint;
      return updateNode(ensure(state, event), event.socket, (n) => ({ binds: [...n.binds, endpoint] }));
    }
    case "socket/unbind":
      return updateNode(ensure(state, event), event.socket, (n) => ({ binds: n.binds.filter((b) => b !== event.endpoint) }));
    case "link/up":
      return relink({
        ...state,
        topologyLinks: [...state.topologyLinks, { id: event.link, from: event.from, to: event.to, endpoint: event.endpoint, up: true }],
      });
    case "link/down": {
      // A deliberate disconnect removes the edge; a close or unbind leaves it faded, so the topology stays readable.
      const topologyLinks =
        event.reason === "disconnected"
          ? state.topologyLinks.filter((l) => l.id !== event.link)
          : state.topologyLinks.map((l) => (l.id === event.link ? { ...l, up: false } : l));
      return relink({ ...state, topologyLinks });
    }
    case "socket/connect": {
      const s = updateNode(ensure(state, event), event.socket, (n) => ({ connects: [...n.connects, event.endpoint] }));
      return relink({ ...s, connections: [...s.connections, { socket: event.socket, endpoint: event.endpoint }] });
    }
    case "socket/disconnect": {
      const s = updateNode(ensure(state, event), event.socket, (n) => ({ connects: n.connects.filter((c) => c !== event.endpoint) }));
      const connections = s.connections.filter((c) => !(c.socket === event.socket && c.endpoint === event.endpoint));
      return relink({ ...s, connections });
    }
    case "socket/close":
      return relink(updateNode(ensure(state, event), event.socket, () => ({ closed: true })));
    case "socket/option":
      return updateNode(ensure(state, event), event.socket, (n) => ({ options: { ...n.options, [event.name]: event.value } }));
    case "socket/event":
      return reduceObserved(state, event);
    case "device/open":
      return reduceDevice(state, event);
    case "socket/error":
      return updateNode(ensure(state, event), event.socket, () => ({ lastError: event.message }));
    case "message/send":
    case "message/recv":
      return reduceMessage(ensure(state, event), event);
    case "diagnostic":
      if (!event.socket || !state.nodes.some((n) => n.id === event.socket)) return state;
      return updateNode(state, event.socket, (n) => ({ diagnostics: [...n.diagnostics, event.message].slice(-DIAGNOSTICS_PER_SOCKET) }));
    case "message/drop":
      return updateNode(ensure(state, event), event.socket, (n) => ({
        drops: [...(n.drops ?? []), { reason: event.reason, count: event.count, message: event.message, ...(event.peer ? { peer: event.peer } : {}) }],
      }));
    case "trace/note":
      return event.code === "sampling-started" && !state.sampling
        ? { ...state, sampling: { afterMessage: state.messageCount, t: event.t, message: event.message } }
        : state;
    case "rates":
      return estimateEdgeRates({
        ...state,
        nodes: state.nodes.map((n) => (event.sockets[n.id] ? { ...n, rate: event.sockets[n.id] } : n)),
      });
    case "run/exit":
      return applyTotals(state, event.totals);
    default:
      return state;
  }
}

export function reduceGraphAll(events: TraceEvent[], state: GraphState = emptyGraph): GraphState {
  return events.reduce(reduceGraph, state);
}

function newNode(id: string, fields: Partial<SocketNode> & Pick<SocketNode, "kind">): SocketNode {
  return { id, label: fields.kind, thread: 0, closed: false, sent: 0, received: 0, binds: [], connects: [], diagnostics: [], options: {}, ...fields };
}

function withNode(state: GraphState, id: string, fields: Pick<SocketNode, "kind" | "label" | "thread" | "process">): GraphState {
  if (state.nodes.some((n) => n.id === id)) return updateNode(state, id, () => fields);
  return { ...state, nodes: [...state.nodes, newNode(id, fields)] };
}

/** Makes sure a socket seen only in a later event still has a node. */
function ensure(state: GraphState, event: { socket: string; kind: SocketNode["kind"] }): GraphState {
  if (state.nodes.some((n) => n.id === event.socket)) return state;
  return { ...state, nodes: [...state.nodes, newNode(event.socket, { kind: event.kind })] };
}

function updateNode(state: GraphState, id: string, change: (n: SocketNode) => Partial<SocketNode>): GraphState {
  return { ...state, nodes: state.nodes.map((n) => (n.id === id ? { ...n, ...change(n) } : n)) };
}

function relink(state: GraphState): GraphState {
  return { ...state, edges: deriveEdges(state.nodes, state.connections, state.topologyLinks, state.edges) };
}

function reduceMessage(state: GraphState, event: MessageEvent): GraphState {
  const op = event.type === "message/send" ? "send" : "recv";
  const record: MessageRecord = {
    index: state.messageCount,
    t: event.t,
    socket: event.socket,
    kind: event.kind,
    op,
    seq: event.seq,
    frames: event.frames,
    ...(event.fp ? { fp: event.fp } : {}),
  };
  const counted = updateNode(state, event.socket, (n) => (op === "send" ? { sent: n.sent + 1 } : { received: n.received + 1 }));
  const matched = placeMessage(counted, record, event);
  const messages = [...matched.state.messages, matched.record];
  return {
    ...matched.state,
    messages: messages.length > MESSAGE_LOG_LIMIT ? messages.slice(-MESSAGE_LOG_LIMIT) : messages,
    messageCount: state.messageCount + 1,
  };
}

function applyTotals(state: GraphState, totals: Record<string, { sent: number; received: number }>): GraphState {
  return {
    ...state,
    edgeRates: {},
    nodes: state.nodes.map((n) => {
      const { rate: _rate, ...rest } = n;
      return totals[n.id] ? { ...rest, sent: totals[n.id].sent, received: totals[n.id].received } : rest;
    }),
  };
}
