import { threadId } from "node:worker_threads";
import { processOfEvents, scopedId } from "../telemetry/process-scope.js";
import type { SocketKind, TraceEvent } from "../../../protocol/trace.js";
import { eventTime } from "../telemetry/clock.js";
import { emit, setTotalsProvider, type Totals } from "../telemetry/sink.js";
import type { Envelope } from "./frames.js";

/** What the workbench knows about one socket; kept beside the socket because zeromq seals socket objects. */
export interface SocketTrace {
  readonly id: string;
  readonly kind: SocketKind;
  readonly envelope: Envelope;
  sent: number;
  received: number;
  closed: boolean;
  /** REQ: a request went out and its reply has not been received yet. */
  awaitingReply: boolean;
  /** REP: a request came in and has not been answered yet. */
  owesReply: boolean;
  /** SUB: subscribe() was called at least once. */
  subscribed: boolean;
  /** Peers with a finished handshake, from our Observer (tcp/ipc on the main thread only). */
  peers: number;
  /** Messages sent while no peer had finished a handshake, since the last one did: they may still be queued. */
  sentWithoutPeer: number;
  /** Its monitor has ended: libzmq has torn the socket down, nothing of it lingers. */
  tornDown: boolean;
  /** Whether a workbench Observer watches it, i.e. whether `peers` means anything. */
  monitored: boolean;
  /** Made by zeromq.js's v5 compatibility layer, which keeps a receive pending from the start. */
  compat: boolean;
  /** The linger option as last set; undefined is libzmq's default, wait forever. */
  linger: number | undefined;
  readonly diagnosed: Set<string>;
}

type EventOf<T extends TraceEvent["type"]> = Extract<TraceEvent, { type: T }>;
type SocketEventFields<T extends TraceEvent["type"]> = Omit<EventOf<T>, "type" | "t" | "socket" | "kind">;

const ENVELOPES: Partial<Record<SocketKind, Envelope>> = { ROUTER: "identity", STREAM: "identity", DEALER: "delimiter-only" };
const idPrefix = scopedId("s");
/** Every socket this thread opened, closed ones included: totals cover the whole run. */
const traces: SocketTrace[] = [];

setTotalsProvider(() => {
  const totals: Totals = {};
  for (const trace of traces) totals[trace.id] = { sent: trace.sent, received: trace.received };
  return totals;
});

export function openSocketTrace(kind: SocketKind, site: string | undefined): SocketTrace {
  const trace: SocketTrace = {
    id: `${idPrefix}${traces.length + 1}`,
    kind,
    envelope: ENVELOPES[kind] ?? "none",
    sent: 0,
    received: 0,
    closed: false,
    awaitingReply: false,
    owesReply: false,
    subscribed: false,
    peers: 0,
    sentWithoutPeer: 0,
    tornDown: false,
    monitored: false,
    compat: false,
    linger: undefined,
    diagnosed: new Set(),
  };
  traces.push(trace);
  const label = site ? `${kind} ${site.replace(/:\d+$/, "")}` : kind;
  socketEvent(trace, "socket/open", {
    label,
    thread: threadId,
    ...(processOfEvents === undefined ? {} : { process: processOfEvents }),
    ...(site ? { site } : {}),
  });
  return trace;
}

/** `at`: when it happened, if not now (a send is stamped when it was called, not when libzmq took it). */
export function socketEvent<T extends TraceEvent["type"]>(trace: SocketTrace, type: T, fields: SocketEventFields<T>, at?: number): void {
  emit({ type, t: at ?? eventTime(), socket: trace.id, kind: trace.kind, ...fields } as unknown as TraceEvent);
}

/** Sockets of this thread closed but maybe still lingering: libzmq has not torn them down yet. */
export function closedNotTornDown(): SocketTrace[] {
  return traces.filter((trace) => trace.closed && !trace.tornDown);
}

/** Sockets of this thread not closed yet. */
export function openTraces(): SocketTrace[] {
  return traces.filter((trace) => !trace.closed);
}

export function diagnoseOnce(trace: SocketTrace, code: string, message: string, severity: "info" | "warning" | "error"): void {
  if (trace.diagnosed.has(code)) return;
  trace.diagnosed.add(code);
  emit({ type: "diagnostic", t: eventTime(), code, message, socket: trace.id, severity });
}
