import type { TraceEvent } from "../../protocol/trace.js";

const NAMED_SOCKETS = 4;
/** Telemetry is untrusted: a run claiming more sockets than this is not remembered socket by socket. */
const MAX_SOCKETS_KEPT = 1024;

/**
 * What the trace shows was keeping a program alive when it hit its time limit, said as the verdict's second
 * sentence. It only words the message: the verdict itself (timeout) never depends on telemetry.
 */
export class StillRunning {
  private readonly kinds = new Map<string, string>();
  private readonly open = new Map<string, string>();
  private readonly lingering = new Map<string, string>();

  observe(events: readonly TraceEvent[]): void {
    for (const e of events) {
      if (e.type === "socket/open") {
        if (this.kinds.size >= MAX_SOCKETS_KEPT) continue;
        this.open.set(e.socket, e.kind);
        this.kinds.set(e.socket, e.kind);
      } else if (e.type === "socket/close") {
        this.open.delete(e.socket);
      } else if (e.type === "diagnostic" && e.code === "closed-with-queued-messages" && e.socket && this.kinds.has(e.socket)) {
        this.lingering.set(e.socket, this.kinds.get(e.socket) ?? "");
      }
    }
  }

  /** `nameOf` gives the names the graph and the log use ("frontend"); the socket's id by default. */
  explain(nameOf: (socket: string) => string = (socket) => socket): string {
    const names = (sockets: Map<string, string>) => listed(sockets, nameOf);
    const parts: string[] = [];
    if (this.lingering.size > 0) {
      parts.push(
        `${names(this.lingering)} ${this.lingering.size === 1 ? "was" : "were"} closed with messages no peer has received, and libzmq keeps the process alive to deliver them (linger): create such sockets with { linger: 0 } if the messages may be dropped.`,
      );
    }
    if (this.open.size > 0) {
      parts.push(
        `${names(this.open)} ${this.open.size === 1 ? "was" : "were"} still open; a socket waiting in receive() or for await keeps a program alive: close sockets you are done with.`,
      );
    }
    if (parts.length === 0) {
      const what = "a loop that never ends, a timer (setInterval), a worker thread or an open server";
      parts.push(
        this.kinds.size === 0
          ? `It opened no sockets, so something else kept it running: ${what}.`
          : `Every socket had been closed, so something else kept it running: ${what}. Clear timers and end workers when the work is done.`,
      );
    }
    return parts.join(" ");
  }
}

function listed(sockets: Map<string, string>, nameOf: (socket: string) => string): string {
  const shown = [...sockets].slice(0, NAMED_SOCKETS).map(([id, kind]) => (kind ? `${nameOf(id)} (${kind})` : nameOf(id)));
  const more = sockets.size - shown.length;
  return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
}
