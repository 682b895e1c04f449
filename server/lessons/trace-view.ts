import { endpointsMatch } from "../../protocol/endpoints.js";
import type { Frame, RunExit, SocketKind, TraceEvent } from "../../protocol/trace.js";

export interface MessageView {
  socket: string;
  seq: number;
  frames: Frame[];
  /** Frame previews as text, for checks such as "some reply says World". */
  texts: string[];
  /** Previews of the frames after the routing envelope (identity, delimiter). */
  body: string[];
  /** Fingerprint of the body frames: equal on every hop the message crosses unchanged. */
  fp?: string;
  /** For a receive: the socket whose send it was, as the server attributed it from the sockets' own records. */
  from?: string;
  t: number;
}

export interface SocketView {
  id: string;
  kind: SocketKind;
  label: string;
  thread: number;
  /** The child process a ProcessDevice forked, when the socket lives there. */
  process?: number;
  binds: string[];
  connects: string[];
  closed: boolean;
  options: Record<string, unknown>;
  errors: { op: string; code?: string; message: string }[];
  sent: MessageView[];
  received: MessageView[];
  /** Every message counted, including those not sampled into events. */
  totals: { sent: number; received: number };
}

export interface EdgeView { from: string; to: string; endpoint: string }

/** A finished run's trace, shaped for lesson checks: sockets, resolved edges, messages, console and verdict. */
export class TraceView {
  private readonly byId = new Map<string, SocketView>();
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: RunExit | undefined;

  constructor(readonly events: TraceEvent[]) {
    for (const e of events) this.apply(e);
    this.stdout = events.flatMap((e) => (e.type === "console" && e.stream === "stdout" ? [e.text] : [])).join("");
    this.stderr = events.flatMap((e) => (e.type === "console" && e.stream === "stderr" ? [e.text] : [])).join("");
    this.exit = events.find((e): e is RunExit => e.type === "run/exit");
    this.attributeLateReceives();
    for (const [id, totals] of Object.entries(this.exit?.totals ?? {})) {
      const s = this.byId.get(id);
      if (s) s.totals = { sent: Math.max(s.totals.sent, totals.sent), received: Math.max(s.totals.received, totals.received) };
    }
  }

  sockets(...kinds: SocketKind[]): SocketView[] {
    const all = [...this.byId.values()];
    return kinds.length ? all.filter((s) => kinds.includes(s.kind)) : all;
  }

  socket(id: string): SocketView | undefined {
    return this.byId.get(id);
  }

  /** Connections from a connecting socket to the socket bound at that endpoint. */
  edges(): EdgeView[] {
    const bound = this.sockets().flatMap((s) => s.binds.map((endpoint) => ({ id: s.id, endpoint })));
    return this.sockets().flatMap((s) =>
      s.connects.flatMap((endpoint) => bound.filter((b) => endpointsMatch(endpoint, b.endpoint)).map((b) => ({ from: s.id, to: b.id, endpoint }))),
    );
  }

  /** True when some socket of kind `a` is connected to some socket of kind `b`, in either direction. */
  linked(a: SocketKind, b: SocketKind): boolean {
    return this.edges().some((e) => {
      const [x, y] = [this.byId.get(e.from)?.kind, this.byId.get(e.to)?.kind];
      return (x === a && y === b) || (x === b && y === a);
    });
  }

  diagnostics(code?: string) {
    return this.events.filter((e) => e.type === "diagnostic" && (!code || e.code === code));
  }

  get ok(): boolean {
    return this.exit?.reason === "ok";
  }

  /**
   * The live stream gives up on matching a receive whose send came too late (a worker thread reports ~25 ms
   * behind, more under load); with the whole trace at hand, a connected peer that sent the same body is its sender.
   */
  private attributeLateReceives(): void {
    const edges = this.edges();
    for (const s of this.byId.values()) {
      for (const m of s.received) {
        if (m.from !== undefined) continue;
        const peers = edges.flatMap((e) => (e.to === s.id ? [e.from] : e.from === s.id ? [e.to] : []));
        const senders = peers.filter((p) => !["PULL", "SUB"].includes(this.byId.get(p)?.kind ?? ""));
        // Same body from a peer; else the only peer that could have sent it (its own record may have been lost
        // when its thread ended before reporting).
        const sender = senders.find((p) => this.byId.get(p)?.sent.some((x) => x.fp === m.fp)) ?? (senders.length === 1 ? senders[0] : undefined);
        if (sender) m.from = sender;
      }
    }
  }

  private apply(e: TraceEvent): void {
    if (e.type === "socket/open") {
      this.byId.set(e.socket, {
        id: e.socket, kind: e.kind, label: e.label, thread: e.thread, ...(e.process ? { process: e.process } : {}), binds: [], connects: [], closed: false,
        options: {}, errors: [], sent: [], received: [], totals: { sent: 0, received: 0 },
      });
      return;
    }
    if (!("socket" in e) || !e.socket) return;
    const s = this.byId.get(e.socket);
    if (!s) return;
    switch (e.type) {
      case "socket/bind": s.binds.push(e.resolved ?? e.endpoint); break;
      case "socket/connect": s.connects.push(e.endpoint); break;
      case "socket/close": s.closed = true; break;
      case "socket/option": s.options[e.name] = e.value; break;
      case "socket/error": s.errors.push({ op: e.op, code: e.code, message: e.message }); break;
      case "message/send":
      case "message/recv": {
        const m: MessageView = {
          socket: e.socket, seq: e.seq, frames: e.frames, texts: e.frames.map((f) => f.preview), t: e.t,
          body: e.frames.filter((f) => !f.envelope).map((f) => f.preview), fp: e.fp, ...(e.type === "message/recv" && e.from ? { from: e.from } : {}),
        };
        (e.type === "message/send" ? s.sent : s.received).push(m);
        if (e.type === "message/send") s.totals.sent = Math.max(s.totals.sent, e.seq);
        else s.totals.received = Math.max(s.totals.received, e.seq);
        break;
      }
    }
  }
}
