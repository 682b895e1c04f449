import type { MessageEvent, TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { LinkModel } from "./link-model.js";
import { appendAll } from "../util/append-all.js";
import { DEFAULT_LIMITS } from "../sandbox/limits.js";

/** Kinds whose one send reaches every matching peer; the others hand each message to one peer. */
const FAN_OUT = new Set(["PUB", "XPUB", "RADIO"]);

interface SentMessage {
  fp: string;
  t: number;
  peer?: string;
  takenBy: Set<string>;
}

type Recv = TraceEventOf<"message/recv">;

/**
 * Says which edge each recorded message took: fed every batch in order, it sets `from` on message/recv (the
 * connected socket whose send had the same body fingerprint: PUSH round-robin, PUB fan-out, ROUTER by identity,
 * envelopes left out) and `peer` on a ROUTER's send once its identities are known. Events come out in order; a
 * receive with no match yet is held up to TRACE_HOLD_MS, and the events behind it with it.
 */
export class MessageAttributor {
  private readonly sent = new Map<string, SentMessage[]>();
  /** ROUTER socket → identity (base64) → the socket that sent with it. */
  private readonly identities = new Map<string, Map<string, string>>();
  private held: TraceEvent[] = [];
  private ready: TraceEvent[] = [];
  private latest = 0;

  /**
   * Reads links from the run's one link model, which the caller applies each event to first. `maxHeld`: events
   * held behind an unmatched receive; past it the oldest wait ends early, so memory stays bounded. `holdMs`: how
   * long (trace ms) a receive waits for its send; `sendsKept`: recorded sends remembered per socket for matching.
   */
  constructor(
    readonly topology: LinkModel = new LinkModel(),
    private readonly maxHeld = Infinity,
    private readonly holdMs: number = DEFAULT_LIMITS.TRACE_HOLD_MS,
    private readonly sendsKept: number = DEFAULT_LIMITS.TRACE_SENDS_KEPT,
  ) {}

  /** Returns the events ready to go to the browser; `now` (trace ms) lets held receives expire without new events. */
  push(events: readonly TraceEvent[], now = 0): TraceEvent[] {
    for (const event of events) {
      this.latest = Math.max(this.latest, event.t);
      if (event.type === "message/send") this.rememberSend(event);
      if (event.type === "message/recv" && !this.attribute(event) && this.held.length === 0) {
        this.held.push(event);
        continue;
      }
      if (this.held.length > 0) this.held.push(event);
      else this.ready.push(event);
    }
    return this.release(Math.max(now, this.latest), false);
  }

  /** At the end of the run: everything still held goes out as it is. */
  flush(): TraceEvent[] {
    return this.release(Infinity, true);
  }

  private release(now: number, all: boolean): TraceEvent[] {
    while (this.held.length > 0) {
      const first = this.held[0];
      const waiting = first.type === "message/recv" && first.from === undefined && !this.attribute(first);
      if (waiting && !all && first.t + this.holdMs > now && this.held.length <= this.maxHeld) break;
      if (waiting) this.guessSender(first as Recv);
      this.ready.push(this.held.shift()!);
      const next = this.held.findIndex((e) => e.type === "message/recv" && e.from === undefined && !this.attribute(e));
      appendAll(this.ready, this.held.splice(0, next < 0 ? this.held.length : next));
    }
    const out = this.ready;
    this.ready = [];
    return out;
  }

  private rememberSend(event: TraceEventOf<"message/send">): void {
    if (!event.fp) return;
    const peer = this.topology.kindOf(event.socket) === "ROUTER" ? this.peerByIdentity(event) : undefined;
    if (peer) event.peer = peer;
    let list = this.sent.get(event.socket);
    if (!list) this.sent.set(event.socket, (list = []));
    list.push({ fp: event.fp, t: event.t, peer, takenBy: new Set() });
    if (list.length > this.sendsKept) list.splice(0, list.length - this.sendsKept);
  }

  /** Finds and takes the matching send; true when `from` is set. */
  private attribute(recv: Recv): boolean {
    if (recv.from !== undefined) return true;
    if (!recv.fp) return false;
    let best: { socket: string; message: SentMessage } | undefined;
    for (const socket of this.topology.peersOf(recv.socket)) {
      const fanOut = FAN_OUT.has(this.topology.kindOf(socket) ?? "");
      const match = this.sent
        .get(socket)
        ?.find((m) => m.fp === recv.fp && (m.peer ?? recv.socket) === recv.socket && (fanOut ? !m.takenBy.has(recv.socket) : m.takenBy.size === 0));
      if (match && (!best || match.t < best.message.t)) best = { socket, message: match };
    }
    if (!best) return false;
    best.message.takenBy.add(recv.socket);
    this.setFrom(recv, best.socket);
    return true;
  }

  /** No matching send (sampled away): the sender is still known when only one connected socket can send here. */
  private guessSender(recv: Recv): void {
    const senders = this.topology.peersOf(recv.socket).filter((s) => !["PULL", "SUB"].includes(this.topology.kindOf(s) ?? ""));
    if (senders.length === 1) this.setFrom(recv, senders[0]);
  }

  private setFrom(recv: Recv, from: string): void {
    recv.from = from;
    if (this.topology.kindOf(recv.socket) !== "ROUTER") return;
    const identity = recv.frames[0]?.envelope === "identity" ? recv.frames[0].head : undefined;
    if (identity === undefined) return;
    let map = this.identities.get(recv.socket);
    if (!map) this.identities.set(recv.socket, (map = new Map()));
    map.set(identity, from);
  }

  private peerByIdentity(send: MessageEvent): string | undefined {
    const identity = send.frames[0]?.head;
    return identity === undefined ? undefined : this.identities.get(send.socket)?.get(identity);
  }
}
