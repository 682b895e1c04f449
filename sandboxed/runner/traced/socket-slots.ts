import { zmq } from "./real-zeromq.js";
import { limitError, type LimitError, limits } from "./limits.js";

/**
 * The workbench's monitor of a tcp/ipc socket is two more libzmq sockets in the same context (libzmq's monitor
 * PAIR and the Observer's), so the context's own cap leaves room for them; at the old cap of sockets + 16 the
 * 27th monitored socket failed with a raw EMFILE. It is the cap shared by all threads; the per-thread count below
 * gives the clear error first.
 */
const MONITOR_SOCKETS_PER_SOCKET = 2;
const CONTEXT_HEADROOM = 16;

let open = 0;

export function socketLimitError(): LimitError {
  return limitError(
    "sockets",
    `socket limit reached: a workbench run may have at most ${limits.maxSockets} sockets open at once (the sandbox's SOCKETS limit); close sockets you no longer need`,
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
  return limits.maxSockets * (1 + MONITOR_SOCKETS_PER_SOCKET) + CONTEXT_HEADROOM;
}

/** Main thread, before the program starts: caps the shared default context, which starts with the first socket. */
export function capDefaultContext(): void {
  zmq.context.maxSockets = contextSocketCap();
}
