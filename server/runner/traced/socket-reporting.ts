import type { Frame } from "../../../protocol/trace.js";
import { afterReceive } from "./diagnostics.js";
import { errorCode, explainSocketError } from "./explain.js";
import { summarizeMessage } from "./frames.js";
import { LimitError } from "./limits.js";
import { shouldRecordMessage, withinEventRate } from "./event-budget.js";
import { socketEvent, type SocketTrace } from "./socket-trace.js";
import { releaseSocketSlot } from "./socket-slots.js";

/** What socket calls report once they are done: counters, message events, errors, the close. */
export function markClosed(trace: SocketTrace): void {
  if (trace.closed) return;
  trace.closed = true;
  releaseSocketSlot();
  socketEvent(trace, "socket/close", {});
}

export function reportError(trace: SocketTrace, op: string, err: unknown): void {
  if (!withinEventRate()) return;
  const code = err instanceof LimitError ? err.limit : errorCode(err);
  socketEvent(trace, "socket/error", { op, message: explainSocketError(op, err), ...(code ? { code } : {}) });
}

/**
 * Promise callbacks made once per socket: a flood of small messages then allocates no closures per message,
 * which keeps tracing close to raw zeromq.js throughput.
 */
export class MessageHandlers {
  constructor(readonly trace: SocketTrace) {}

  readonly sent = (): void => {
    this.trace.sent++;
  };

  readonly sendFailed = (err: unknown): never => {
    reportError(this.trace, "send", err);
    throw err;
  };

  readonly received = (message: Buffer[]): Buffer[] => {
    const trace = this.trace;
    const seq = ++trace.received;
    afterReceive(trace);
    if (shouldRecordMessage()) socketEvent(trace, "message/recv", { frames: summarizeMessage(message, trace.envelope), seq });
    return message;
  };

  readonly receiveFailed = (err: unknown): never => {
    // Closing a socket while it waits rejects with EAGAIN; the async iterator treats that as the end.
    if (!(this.trace.closed && errorCode(err) === "EAGAIN")) reportError(this.trace, "receive", err);
    throw err;
  };
}

export function recordSent(trace: SocketTrace, frames: Frame[]): void {
  const seq = ++trace.sent;
  socketEvent(trace, "message/send", { frames, seq });
}
