import type { MessageEvent } from "../../../../protocol/trace.js";
import { peerOf } from "./edges.js";
import type { Direction, GraphState, MessageRecord } from "./types.js";

interface Match {
  state: GraphState;
  record: MessageRecord;
}

/**
 * Puts a message on the edge it took. The server says who is at the other end (`from` on a receive, `peer` on a
 * ROUTER's send); the browser does not guess. A receive counts on its edge; a send only names its peer, so each
 * message is counted once.
 */
export function placeMessage(state: GraphState, record: MessageRecord, event: MessageEvent): Match {
  const peer = event.type === "message/recv" ? event.from : event.peer;
  if (peer === undefined) return { state, record };
  const edge = state.edges.find((e) => peerOf(e, record.socket) === peer);
  if (!edge) return { state, record: { ...record, peer } };
  const sender = record.op === "recv" ? peer : record.socket;
  const direction: Direction = edge.source === sender ? "forward" : "backward";
  const placed = { ...record, peer, edgeId: edge.id, direction };
  if (record.op === "send") return { state, record: placed };
  const edges = state.edges.map((e) =>
    e.id === edge.id ? (direction === "forward" ? { ...e, forward: e.forward + 1 } : { ...e, backward: e.backward + 1 }) : e,
  );
  return { state: { ...state, edges }, record: placed };
}
