import type { DropReason, Frame, RunExit, SocketKind, TraceEvent, TraceEventOf } from "../../protocol/trace.js";

export interface MessageView {
  socket: string;
  op: "send" | "recv";
  t: number;
  seq: number;
  frames: Frame[];
  /** Frame previews as text, for checks such as "some reply says World". */
  texts: string[];
  /** Fingerprint of the body frames (routing envelope left out): the same message through a broker keeps it. */
  fp?: string;
  /** The other end, as the server decided it: the sender of a receive, the peer a ROUTER's send addressed. */
  peer?: string;
  /** For a receive: the same as `peer`, the socket whose send it was. */
  from?: string;
  /** Previews of the frames after the routing envelope (identity, delimiter). */
  body: string[];
}

export interface SocketView {
  id: string;
  kind: SocketKind;
  label: string;
  /** What people call it ("frontend", "worker #2"), from the program's source; the label until the server names it. */
  name: string;
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

export interface EdgeView {
  from: string;
  to: string;
  endpoint: string;
}

/** One link of the server's link model: a connect (`from`) that reached a bind (`to`), up from `since` until `until`. */
export interface LinkView extends EdgeView {
  id: string;
  transport: string;
  since: number;
  until?: number;
  ended?: TraceEventOf<"link/down">["reason"];
}

export type DropView = TraceEventOf<"message/drop">;

/** A request a socket sent and the reply it received next, if any (REQ, or a DEALER used the same way). */
export interface Exchange {
  request: MessageView;
  reply?: MessageView;
}

/**
 * A finished run's trace, shaped for lesson checks. Which socket reached which, and who sent what to whom, come
 * from the server's link model and message attribution (link/*, `from`, `peer`): the checks never match
 * endpoints or guess senders themselves. Queries: sockets(), socket(), links(), edges(), linked(), messages(),
 * receivedFrom(), journey(), exchanges(), drops(), diagnostics().
 */
export class TraceView {
  private readonly byId = new Map<string, SocketView>();
  private readonly linkList: LinkView[] = [];
  private readonly all: MessageView[] = [];
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

  /** Every link of the run, in the order they formed, with when and how each ended. */
  links(): LinkView[] {
    return this.linkList;
  }

  /** Connections from a connecting socket to the socket bound at that endpoint: the links, one per pair and endpoint. */
  edges(): EdgeView[] {
    const seen = new Map<string, EdgeView>();
    for (const l of this.linkList) seen.set(`${l.from} ${l.to} ${l.endpoint}`, { from: l.from, to: l.to, endpoint: l.endpoint });
    return [...seen.values()];
  }

  /** Every recorded message event, sends and receives, in trace order. */
  messages(): MessageView[] {
    return this.all;
  }

  /** What `socket` received, with the sender the server attributed each message to; only those from `sender` if given. */
  receivedFrom(socket: string, sender?: string): MessageView[] {
    return (this.byId.get(socket)?.received ?? []).filter((m) => (sender === undefined ? m.peer !== undefined : m.peer === sender));
  }

  /** Every send and receive of one message body (by fingerprint), in time order: its path hop by hop through a broker. */
  journey(fp: string): MessageView[] {
    return this.all.filter((m) => m.fp === fp).sort((a, b) => a.t - b.t);
  }

  /** Each message `socket` sent, paired with the next one it received: requests and their replies. */
  exchanges(socket: string): Exchange[] {
    const s = this.byId.get(socket);
    if (!s) return [];
    return s.sent.map((request, i) => {
      const until = s.sent[i + 1]?.t ?? Infinity;
      return { request, reply: s.received.find((m) => m.t >= request.t && m.t <= until) };
    });
  }

  /** Messages the server saw lost, with the socket where and why; only those of one reason if given. */
  drops(reason?: DropReason): DropView[] {
    return this.events.filter((e): e is DropView => e.type === "message/drop" && (!reason || e.reason === reason));
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
   * behind, more under load, and a thread's last report can be lost as it ends); with the whole trace and its links
   * at hand, a linked peer that sent the same body, else the only linked peer that can send, is its sender.
   */
  private attributeLateReceives(): void {
    const edges = this.edges();
    for (const s of this.byId.values()) {
      for (const m of s.received) {
        if (m.peer !== undefined) continue;
        const peers = edges.flatMap((e) => (e.to === s.id ? [e.from] : e.from === s.id ? [e.to] : []));
        const senders = [...new Set(peers)].filter((p) => !["PULL", "SUB"].includes(this.byId.get(p)?.kind ?? ""));
        const sender = senders.find((p) => this.byId.get(p)?.sent.some((x) => x.fp === m.fp)) ?? (senders.length === 1 ? senders[0] : undefined);
        if (sender) Object.assign(m, { peer: sender, from: sender });
      }
    }
  }

  private apply(e: TraceEvent): void {
    if (e.type === "link/up") {
      this.linkList.push({ id: e.link, from: e.from, to: e.to, endpoint: e.endpoint, transport: e.transport, since: e.t });
      return;
    }
    if (e.type === "link/down") {
      const link = this.linkList.find((l) => l.id === e.link);
      if (link) Object.assign(link, { until: e.t, ended: e.reason });
      return;
    }
    if (e.type === "socket/open") {
      this.byId.set(e.socket, {
        id: e.socket,
        kind: e.kind,
        label: e.label,
        name: e.label,
        thread: e.thread,
        ...(e.process ? { process: e.process } : {}),
        binds: [],
        connects: [],
        closed: false,
        options: {},
        errors: [],
        sent: [],
        received: [],
        totals: { sent: 0, received: 0 },
      });
      return;
    }
    if (!("socket" in e) || !e.socket) return;
    const s = this.byId.get(e.socket);
    if (!s) return;
    switch (e.type) {
      case "socket/bind":
        s.binds.push(e.resolved ?? e.endpoint);
        break;
      case "socket/connect":
        s.connects.push(e.endpoint);
        break;
      case "socket/close":
        s.closed = true;
        break;
      case "socket/name":
        s.name = e.name;
        break;
      case "socket/option":
        s.options[e.name] = e.value;
        break;
      case "socket/error":
        s.errors.push({ op: e.op, code: e.code, message: e.message });
        break;
      case "message/send":
      case "message/recv": {
        const peer = e.type === "message/send" ? e.peer : e.from;
        const m: MessageView = {
          socket: e.socket,
          op: e.type === "message/send" ? "send" : "recv",
          t: e.t,
          seq: e.seq,
          frames: e.frames,
          texts: e.frames.map((f) => f.preview),
          ...(e.fp ? { fp: e.fp } : {}),
          ...(peer ? { peer } : {}),
          ...(e.type === "message/recv" && e.from ? { from: e.from } : {}),
          body: e.frames.filter((f) => !f.envelope).map((f) => f.preview),
        };
        (e.type === "message/send" ? s.sent : s.received).push(m);
        this.all.push(m);
        if (e.type === "message/send") s.totals.sent = Math.max(s.totals.sent, e.seq);
        else s.totals.received = Math.max(s.totals.received, e.seq);
        break;
      }
    }
  }
}
