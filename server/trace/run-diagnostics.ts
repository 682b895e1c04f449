import type { TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { incompatibility } from "./socket-pairs.js";
import type { LinkModel, LinkUp } from "./link-model.js";

export type Diagnostic = TraceEventOf<"diagnostic">;

/** A connect that has reached no bind after this long is reported. */
export const UNBOUND_CONNECT_MS = 1_000;

/**
 * Diagnostics that need the whole run (every thread's binds, connects, observer events and totals): fed each
 * batch in order, it returns the diagnostics to add to the trace, each once.
 */
export class RunDiagnostics {
  private readonly said = new Set<string>();
  /** Connects not judged yet by the "nothing binds there" check, oldest first. */
  private uncheckedConnects: { socket: string; endpoint: string; t: number }[] = [];
  private readonly reached = new Set<string>();
  private out: Diagnostic[] = [];
  private latest = 0;

  /** Reads links from the run's one link model, which the caller applies each event to first. */
  constructor(
    private readonly topology: LinkModel,
    /** What people call a socket (server/trace/socket-names.ts); its id by default. */
    private readonly nameOf: (socket: string) => string = (socket) => socket,
  ) {}

  /** One batch in order, link events included. */
  push(events: readonly TraceEvent[], now = 0): Diagnostic[] {
    for (const event of events) this.observe(event);
    this.checkConnects(Math.max(now, this.latest), false);
    return this.take();
  }

  /** At the end of the run. Lost messages are MessageDrops' to judge (server/trace/drops.ts). */
  finish(now = 0): Diagnostic[] {
    this.checkConnects(Math.max(now, this.latest), true);
    return this.take();
  }

  private observe(event: TraceEvent): void {
    this.latest = Math.max(this.latest, event.t);
    switch (event.type) {
      case "link/up":
        return this.onLink(event);
      case "socket/connect":
        this.uncheckedConnects.push({ socket: event.socket, endpoint: event.endpoint, t: event.t });
        return;
      case "socket/event":
        return this.onObserved(event);
      case "socket/error":
        return this.onError(event);
    }
  }

  private onLink(link: LinkUp): void {
    const [a, b] = [this.topology.kindOf(link.from), this.topology.kindOf(link.to)];
    const problem = a && b ? incompatibility(a, b) : undefined;
    if (problem) {
      this.say(
        "incompatible-sockets",
        link.from,
        `${this.name(link.from)} connects to ${this.name(link.to)} at ${link.endpoint}, but ${problem}: libzmq refuses the pair and no message will pass between them.`,
        "error",
        [link.to],
      );
    }
  }

  private onObserved(event: TraceEventOf<"socket/event">): void {
    if ((event.event === "connect" || event.event === "handshake") && event.endpoint) this.reached.add(`${event.socket} ${event.endpoint}`);
  }

  private onError(event: TraceEventOf<"socket/error">): void {
    if (event.op === "bind" && event.code === "EADDRINUSE") {
      const endpoint = event.endpoint;
      const holder = endpoint === undefined ? undefined : this.topology.binderAt(endpoint, event.socket);
      const who = holder ? `${this.name(holder)} already bound ${endpoint}` : "something else already uses that address";
      this.say(
        "address-in-use",
        event.socket,
        `${this.name(event.socket)} cannot bind: ${who}. Only one socket may bind an address; connect the others to it, or bind another port.`,
        "error",
        holder ? [holder] : undefined,
      );
    }
    if (event.op === "send" && event.code === "EAGAIN") {
      this.say(
        "send-queue-full",
        event.socket,
        `${this.name(event.socket)} could not send within its sendTimeout: no peer could take the message. Either none is connected, or their queues are full (high-water mark reached) because they receive more slowly than this socket sends.`,
        "warning",
      );
    }
  }

  private checkConnects(now: number, atEnd: boolean): void {
    const due = this.uncheckedConnects.filter((c) => atEnd || now - c.t >= UNBOUND_CONNECT_MS);
    if (due.length === 0) return;
    const judged = new Set(due);
    this.uncheckedConnects = this.uncheckedConnects.filter((c) => !judged.has(c));
    for (const connect of due) {
      if (this.topology.reached(connect.socket, connect.endpoint) || this.reached.has(`${connect.socket} ${connect.endpoint}`)) continue;
      this.say(
        "connect-nothing-bound",
        connect.socket,
        `${this.name(connect.socket)} connected to ${connect.endpoint}, but no socket in this program binds that endpoint, so it keeps retrying and its messages go nowhere. Check the transport, host and port, or bind a socket there.`,
        "warning",
      );
    }
  }

  private name(socket: string): string {
    return `${this.nameOf(socket)} (${this.topology.kindOf(socket) ?? "socket"})`;
  }

  private say(code: string, socket: string, message: string, severity: Diagnostic["severity"], peers?: string[]): void {
    const key = `${code} ${socket}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    this.out.push({ type: "diagnostic", t: this.latest, code, message, socket, severity, ...(peers?.length ? { peers } : {}) });
  }

  private take(): Diagnostic[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
