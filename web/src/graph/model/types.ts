import type { DropReason, Frame, SocketKind } from "../../../../protocol/trace.js";

/** One socket as the graph shows it. Counters come from message events and, at exit, from run totals. */
export interface SocketNode {
  id: string;
  kind: SocketKind;
  label: string;
  /** What people call it, decided by the server from the program's source ("frontend", "worker #2"); absent until named. */
  name?: string;
  /** Where it was made, e.g. "broker.ts:12 · thread 1". */
  detail?: string;
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
  /** Messages the server saw lost at this socket, and why (message/drop); absent when none. */
  drops?: SocketDrop[];
}

export interface SocketDrop {
  reason: DropReason;
  count: number;
  peer?: string;
  message: string;
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
  /** The socket at the other end, when the server knows it: the sender of a receive, the peer a ROUTER addressed. */
  peer?: string;
  /** The edge the message took, and which way, when the other end is known. */
  edgeId?: string;
  direction?: Direction;
}

export interface Connection {
  socket: string;
  endpoint: string;
}
/** A link as the server's link model reported it (link/up, link/down): one connect that reached one bind. */
export interface TopologyLink {
  id: string;
  from: string;
  to: string;
  endpoint: string;
  up: boolean;
}
/** What the connecting socket's Observer last said about one connect: libzmq retries unanswered tcp connects forever. */
export interface LinkStatus {
  state: "retrying" | "connected" | "disconnected";
  /** Attempts reported since the last successful connect. */
  retries: number;
}
/** A device (queue, forwarder, …) and the sockets it owns, drawn as one box around them. */
export interface DeviceGroup {
  id: string;
  kind: string;
  label: string;
  sockets: string[];
}

export interface GraphState {
  /** Sockets in the order they were opened. */
  nodes: SocketNode[];
  /** Active connects, in order; those with no live link are drawn dangling. */
  connections: Connection[];
  topologyLinks: TopologyLink[];
  edges: GraphEdge[];
  /** Recent messages, oldest first, capped at MESSAGE_LOG_LIMIT. */
  messages: MessageRecord[];
  messageCount: number;
  /** Where message sampling started (the server's trace/note): the message count then, and what the trace keeps. */
  sampling?: { afterMessage: number; t: number; message: string };
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
  nodes: [],
  connections: [],
  topologyLinks: [],
  edges: [],
  messages: [],
  messageCount: 0,
  links: {},
  devices: [],
  edgeRates: {},
  edgeMarks: {},
};

/** The name to show for a socket: the server's name for it once known, else its kind and creation site. */
export function socketName(node: Pick<SocketNode, "name" | "label">): string {
  return node.name ?? node.label;
}
