import { afterReceive } from "./diagnostics.js";
import { errorCode, explainSocketError } from "./explain.js";
import { messageFingerprint } from "./fingerprint.js";
import { summarizeMessage, type MessageSummary } from "./frames.js";
import { LimitError } from "./limits.js";
import { operationEnded } from "./liveness.js";
import { monitoredSocketClosed } from "./observer-monitor.js";
import { shouldRecordMessage, withinEventRate } from "./event-budget.js";
import { socketEvent, type SocketTrace } from "./socket-trace.js";
import { releaseSocketSlot } from "./socket-slots.js";

/** Draft sockets whose receive() resolves to [message, { routingId } or { group }]: one frame, then its routing. */
const RECEIVES_WITH_OPTIONS = new Set(["SERVER", "DISH"]);

/** What socket calls report once they are done: counters, message events, errors, the close. */
export function markClosed(trace: SocketTrace): void {
  if (trace.closed) return;
  trace.closed = true;
  monitoredSocketClosed(trace);
  releaseSocketSlot();
  socketEvent(trace, "socket/close", {});
}

export function reportError(trace: SocketTrace, op: string, err: unknown, endpoint?: string): void {
  if (!withinEventRate()) return;
  const code = err instanceof LimitError ? err.limit : errorCode(err);
  socketEvent(trace, "socket/error", { op, message: explainSocketError(op, err), ...(code ? { code } : {}), ...(endpoint ? { endpoint } : {}) });
}

/**
 * Promise callbacks made once per socket: a flood of small messages then allocates no closures per message,
 * which keeps tracing close to raw zeromq.js throughput.
 */
export class MessageHandlers {
  constructor(readonly trace: SocketTrace) {}

  readonly sent = (): void => {
    operationEnded();
    this.trace.sent++;
  };

  readonly sendFailed = (err: unknown): never => {
    operationEnded();
    reportError(this.trace, "send", err);
    throw err;
  };

  readonly received = (message: Buffer[]): Buffer[] => {
    operationEnded();
    const trace = this.trace;
    const seq = ++trace.received;
    trace.sentWithoutPeer = 0; // a peer is there, so what was queued has gone out
    afterReceive(trace);
    if (shouldRecordMessage()) {
      const frames = RECEIVES_WITH_OPTIONS.has(trace.kind) ? [message[0]] : message;
      socketEvent(trace, "message/recv", { ...summarizeMessage(frames, trace.envelope), seq, fp: messageFingerprint(frames, trace.envelope) });
    }
    return message;
  };

  readonly receiveFailed = (err: unknown): never => {
    operationEnded();
    // Closing a socket while it waits rejects with EAGAIN; the async iterator treats that as the end.
    if (!(this.trace.closed && errorCode(err) === "EAGAIN")) reportError(this.trace, "receive", err);
    throw err;
  };
}

/** What a recorded send looked like when it was called: zeromq may still change large frames' bytes later. */
export interface SendRecord extends MessageSummary {
  fp: string;
  /** Event time of the send() call: a peer may receive the message before the sender's promise settles. */
  t: number;
}

export function recordSent(trace: SocketTrace, record: SendRecord): void {
  operationEnded();
  const seq = ++trace.sent;
  const { t, ...summary } = record;
  socketEvent(trace, "message/send", { ...summary, seq }, t);
}
