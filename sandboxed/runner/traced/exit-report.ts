import { mayHoldExit, sayLingering } from "./linger.js";
import { closedNotTornDown, openTraces, diagnoseOnce, type SocketTrace } from "./socket-trace.js";

/**
 * At this thread's exit: sockets the program never closed, and the ones whose queued messages will hold the
 * process at exit (libzmq waits up to `linger` ms to deliver them; the default waits forever).
 */
function reportOpenSockets(code: number): void {
  // Node is done, but closing the context at exit waits for these: said now, before that wait may become a hang.
  for (const trace of closedNotTornDown()) if (mayHoldExit(trace)) sayLingering(trace);
  if (code !== 0) return; // the program failed or chose its exit; the error says more than this would
  const open = openTraces();
  if (open.length === 0) return;
  const names = open.map((t) => `${t.id} (${t.kind})`).join(", ");
  diagnoseOnce(
    open[0],
    "sockets-left-open",
    `The program ended without closing ${open.length === 1 ? "socket" : "sockets"} ${names}. Call close() on every socket when you are done with it.`,
    "info",
  );
  for (const trace of open) if (mayHoldExit(trace)) reportLinger(trace);
}

function reportLinger(trace: SocketTrace): void {
  const wait = trace.linger === undefined || trace.linger < 0 ? "forever" : `${trace.linger} ms`;
  diagnoseOnce(
    trace,
    "linger-queued-messages",
    `${trace.id} (${trace.kind}) is still open with messages no peer has received, and its linger is ${trace.linger ?? "unset (-1)"}: the process waits ${wait} at exit to deliver them. Close it with { linger: 0 } (or set linger) if the messages may be dropped.`,
    "warning",
  );
}

/** Runs after the program's own exit handlers, which may still close sockets: re-added behind each new one. */
function stayLastExitListener(event: string | symbol, listener: unknown): void {
  if (event !== "exit" || listener === reportOpenSockets) return;
  process.off("exit", reportOpenSockets);
  queueMicrotask(() => process.on("exit", reportOpenSockets));
}

process.on("exit", reportOpenSockets);
process.on("newListener", stayLastExitListener);
