import type { Frame, SocketKind } from "../../../protocol/trace.js";

/** One socket as the graph shows it. Counters come from message events and, at exit, from run totals. */
export interface SocketNode {
  id: string;
  kind: SocketKind;
  label: string;
  thread: number;
  /** The child process (pid) the socket lives in, when the program forked one (a ProcessDevice). */
  process?: number;
  closed: boolean;
  sent: number;
  received: number;
  /** Endpoints this socket is bound to: the resolved endpoint when known (e.g. the real port of `:*`). */
  binds: string[];
  connects: string[];
  lastError?: string;
  /** Messages per second over the server's last sampling interval; absent before the first sample. */
  rate?: { sent: number; received: number };
  /** Diagnostics the server raised about this socket (e.g. a REQ that receives before it sends). */
  diagnostics: string[];
  /** Options set on the socket, latest value per name. */
  options: Record<string, unknown>;
}

/** A connect is an edge from the connecting socket to the binding one; `target` is null while nothing is bound there. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string | null;
  endpoint: string;
  /** Messages that went from source to target, and back. */
  forward: number;
  backward: number;
  closed: boolean;
}

export type Direction = "forward" | "backward";

export interface MessageRecord {
  index: number;
  t: number;
  socket: string;
  kind: SocketKind;
  op: "send" | "recv";
  seq: number;
  frames: Frame[];
  /** Fingerprint of the body frames (routing envelope left out): the same message seen at every hop. */
  fp?: string;
  /** For a receive: the socket whose send it was, when the server could tell. */
  from?: string;
  /** For a receive: the edge the message most likely took, and which way. */
  edgeId?: string;
  direction?: Direction;
}

export interface Connection { socket: string; endpoint: string }
/** What the connecting socket's Observer last said about one connect: libzmq retries unanswered tcp connects forever. */
export interface LinkStatus {
  state: "retrying" | "connected" | "disconnected";
  /** Attempts reported since the last successful connect. */
  retries: number;
}
/** A device (queue, forwarder, …) and the sockets it owns, drawn as one box around them. */
export interface DeviceGroup { id: string; kind: string; label: string; sockets: string[] }
export interface Binding { socket: string; endpoint: string }

export interface GraphState {
  /** Sockets in the order they were opened. */
  nodes: SocketNode[];
  connections: Connection[];
  bindings: Binding[];
  edges: GraphEdge[];
  /** Recent messages, oldest first, capped at MESSAGE_LOG_LIMIT. */
  messages: MessageRecord[];
  messageCount: number;
  /** Per socket, indices of sends not yet matched to a receive, oldest first. */
  pendingSends: Record<string, number[]>;
  /** Per socket, the index of its latest send: a fallback match for fan-out (one PUB send, many SUB receives). */
  lastSend: Record<string, number>;
  /** Keyed by linkKey(socket, connect endpoint). */
  links: Record<string, LinkStatus>;
  devices: DeviceGroup[];
  /** Estimated messages per second per edge id, from the latest rates event; empty once the run ends. */
  edgeRates: Record<string, number>;
  /** Per edge id, its message count (both ways) at the latest rates event. */
  edgeMarks: Record<string, number>;
}

export const MESSAGE_LOG_LIMIT = 500;

export const emptyGraph: GraphState = {
  nodes: [], connections: [], bindings: [], edges: [], messages: [], messageCount: 0, pendingSends: {}, lastSend: {},
  links: {}, devices: [], edgeRates: {}, edgeMarks: {},
};
