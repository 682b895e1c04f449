import { peerOf } from "./edges.js";
import type { Direction, GraphEdge, GraphState, MessageRecord } from "./types.js";

/** Unmatched sends kept per socket; a PUB with no subscribers must not grow without bound. */
const PENDING_SENDS_LIMIT = 256;

interface Match { state: GraphState; record: MessageRecord }

/**
 * The trace says which socket sent and which received, not which connection carried the message. A receive is
 * matched to the peer with the oldest unmatched send (FIFO per link, as libzmq delivers), else to the peer that
 * sent last (one PUB send fans out to many SUB receives). When the server knows the sender (`from`), that wins.
 */
export function matchReceive(state: GraphState, record: MessageRecord, from?: string): Match {
  if (record.op === "send") return { state: rememberSend(state, record), record };
  const candidates = state.edges.filter((e) => peerOf(e, record.socket) !== null);
  const told = from === undefined ? undefined : candidates.find((e) => peerOf(e, record.socket) === from);
  const edge = told ?? oldestPending(state, candidates, record.socket) ?? latestSender(state, candidates, record.socket);
  if (!edge) return { state, record };
  const peer = peerOf(edge, record.socket) as string;
  const direction: Direction = edge.source === peer ? "forward" : "backward";
  const pending = state.pendingSends[peer] ?? [];
  const edges = state.edges.map((e) => (e.id === edge.id ? countOn(e, direction) : e));
  return {
    state: { ...state, edges, pendingSends: { ...state.pendingSends, [peer]: pending.slice(1) } },
    record: { ...record, edgeId: edge.id, direction },
  };
}

function rememberSend(state: GraphState, record: MessageRecord): GraphState {
  const pending = [...(state.pendingSends[record.socket] ?? []), record.index].slice(-PENDING_SENDS_LIMIT);
  return {
    ...state,
    pendingSends: { ...state.pendingSends, [record.socket]: pending },
    lastSend: { ...state.lastSend, [record.socket]: record.index },
  };
}

function oldestPending(state: GraphState, edges: GraphEdge[], socket: string): GraphEdge | undefined {
  let best: { edge: GraphEdge; index: number } | undefined;
  for (const edge of edges) {
    const first = state.pendingSends[peerOf(edge, socket) as string]?.[0];
    if (first !== undefined && (!best || first < best.index)) best = { edge, index: first };
  }
  return best?.edge;
}

function latestSender(state: GraphState, edges: GraphEdge[], socket: string): GraphEdge | undefined {
  let best: { edge: GraphEdge; index: number } | undefined;
  for (const edge of edges) {
    const last = state.lastSend[peerOf(edge, socket) as string];
    if (last !== undefined && (!best || last > best.index)) best = { edge, index: last };
  }
  return best?.edge;
}

function countOn(edge: GraphEdge, direction: Direction): GraphEdge {
  return direction === "forward" ? { ...edge, forward: edge.forward + 1 } : { ...edge, backward: edge.backward + 1 };
}
