import { diagnoseOnce, type SocketTrace } from "./socket-trace.js";

/** Messages sent while no peer had completed a handshake (none has since) cannot have been delivered. */
export function mayHoldExit(trace: SocketTrace): boolean {
  return trace.sentWithoutPeer > 0 && trace.peers === 0 && trace.linger !== 0 && trace.monitored;
}

/** Observer events arrive late; a socket torn down by then lingered on nothing worth saying. */
const LINGER_CHECK_MS = 1_000;

/**
 * Checked a moment after close(), not only at exit: a run stopped at its time limit never reaches exit, and this
 * is what the supervisor's timeout verdict names as the cause. The timer never keeps the program alive.
 */
export function warnIfLingering(trace: SocketTrace): void {
  if (!mayHoldExit(trace)) return;
  setTimeout(() => {
    if (!trace.tornDown && mayHoldExit(trace)) sayLingering(trace);
  }, LINGER_CHECK_MS).unref();
}

export function sayLingering(trace: SocketTrace): void {
  const wait = trace.linger === undefined || trace.linger < 0 ? "until a peer takes them" : `up to ${trace.linger} ms`;
  diagnoseOnce(
    trace,
    "closed-with-queued-messages",
    `${trace.id} (${trace.kind}) was closed with ${trace.sentWithoutPeer} message(s) no peer has received; libzmq keeps the process alive ${wait} to deliver them (linger ${trace.linger ?? "unset (-1)"}). Create it with { linger: 0 } if they may be dropped.`,
    "info",
  );
}
