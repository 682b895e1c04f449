import { zmq } from "./real-zeromq.js";
import { limitError, type LimitError, limits } from "./limits.js";

/**
 * Observers and proxies open internal sockets in the same libzmq context, so the context's own cap leaves them
 * room. It is the cap shared by all threads; the per-thread count below gives the clear error first.
 */
const CONTEXT_HEADROOM = 16;

let open = 0;

export function socketLimitError(): LimitError {
  return limitError(
    "sockets",
    `socket limit reached: a run may have at most ${limits.maxSockets} open sockets (close sockets you no longer need)`,
  );
}

/** Called before the native constructor, because libzmq aborts the whole process when it runs out of fds. */
export function reserveSocketSlot(): void {
  if (open >= limits.maxSockets) throw socketLimitError();
  open++;
}

export function releaseSocketSlot(): void {
  open = Math.max(0, open - 1);
}

export function contextSocketCap(): number {
  return limits.maxSockets + CONTEXT_HEADROOM;
}

/** Main thread, before the program starts: caps the shared default context, which starts with the first socket. */
export function capDefaultContext(): void {
  zmq.context.maxSockets = contextSocketCap();
}
