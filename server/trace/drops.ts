import type { DropReason, SocketTotals, TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import type { Link, LinkModel } from "./link-model.js";
import { PUBLISHING, SUBSCRIBING } from "./socket-pairs.js";
import { Subscriptions } from "./subscriptions.js";
import { hwmDrops, type HwmInputs } from "./dropped-messages.js";
import { DEFAULT_LIMITS } from "../sandbox/limits.js";

export type MessageDrop = TraceEventOf<"message/drop">;
type Diagnostic = TraceEventOf<"diagnostic">;

interface Sent {
  t: number;
  seq: number;
  fp?: string;
  head: Buffer;
}
interface RouterSent extends Sent {
  identity: string;
}

/**
 * Why messages did not arrive, from the trace alone: kept as the run goes, judged once at its end, when every
 * thread's late batch is in. Each finding is a message/drop event at the socket where the messages were lost,
 * and a diagnostic in words. Nothing is claimed for a subscriber that received every message its publishers sent.
 */
export class MessageDrops {
  private readonly published = new Map<string, Sent[]>();
  private readonly routed = new Map<string, RouterSent[]>();
  private readonly subscriptions = new Subscriptions();
  /** ROUTER → identities (base64) seen on its receives, with the peer they came from when attributed. */
  private readonly identities = new Map<string, Map<string, string | undefined>>();
  /** routing id (base64) → sockets that set it. */
  private readonly routingIds = new Map<string, string[]>();
  private readonly mandatory = new Set<string>();
  readonly hwm: HwmInputs = { subscribedAll: new Set(), hwm: new Map(), seqAtLink: new Map(), lastSeq: new Map() };

  constructor(
    private readonly model: LinkModel,
    private readonly nameOf: (socket: string) => string,
    /** Recorded sends kept per publisher or ROUTER for judging drops at the end (DROP_SENDS_KEPT); later ones are not judged. */
    private readonly sendsKept: number = DEFAULT_LIMITS.DROP_SENDS_KEPT,
  ) {}

  /** Each event after message attribution (a ROUTER's receive knows its sender). */
  observe(event: TraceEvent): void {
    this.subscriptions.observe(event);
    switch (event.type) {
      case "socket/option":
        return this.onOption(event);
      case "link/up":
        for (const [pub, sub] of [
          [event.from, event.to],
          [event.to, event.from],
        ]) {
          if (PUBLISHING.has(this.model.kindOf(pub)!)) this.hwm.seqAtLink.set(`${pub}>${sub}`, this.hwm.lastSeq.get(pub) ?? 0);
        }
        return;
      case "message/send": {
        this.hwm.lastSeq.set(event.socket, event.seq);
        const head = Buffer.from(event.frames[0]?.head ?? "", "base64");
        const sent = { t: event.t, seq: event.seq, ...(event.fp ? { fp: event.fp } : {}), head };
        if (PUBLISHING.has(event.kind)) keep(this.published, event.socket, sent, this.sendsKept);
        if (event.kind === "ROUTER" && event.frames[0]?.head !== undefined && !this.mandatory.has(event.socket)) {
          keep(this.routed, event.socket, { ...sent, identity: event.frames[0].head }, this.sendsKept);
        }
        return;
      }
      case "message/recv":
        if (event.kind === "ROUTER" && event.frames[0]?.envelope === "identity" && event.frames[0].head !== undefined) {
          let seen = this.identities.get(event.socket);
          if (!seen) this.identities.set(event.socket, (seen = new Map()));
          seen.set(event.frames[0].head, event.from ?? seen.get(event.frames[0].head));
        }
    }
  }

  /** At the end of the run. `sampled`: message events were sampled, so receives may be missing from the trace. */
  finish(totals: Record<string, SocketTotals>, t: number, sampled: boolean): (MessageDrop | Diagnostic)[] {
    const found = new Map<string, { socket: string; reason: DropReason; peer?: string; first: Sent; count: number }>();
    const lose = (socket: string, reason: DropReason, peer: string | undefined, sent: Sent, count = 1) => {
      const key = `${socket} ${reason} ${peer ?? ""}`;
      const f = found.get(key);
      if (f) f.count += count;
      else found.set(key, { socket, reason, ...(peer ? { peer } : {}), first: sent, count });
    };
    for (const [pub, sends] of this.published) this.judgePublisher(pub, sends, totals, lose);
    if (!sampled) for (const [router, sends] of this.routed) this.judgeRouter(router, sends, lose);
    for (const [sub, pubs, count] of hwmDrops(this.model, this.hwm, totals)) lose(sub, "hwm", pubs[0], { t, seq: 0, head: Buffer.alloc(0) }, count);
    return [...found.values()].flatMap((f) => this.report(f.socket, f.reason, f.peer, f.first, f.count, t));
  }

  private judgePublisher(
    pub: string,
    sends: Sent[],
    totals: Record<string, SocketTotals>,
    lose: (s: string, r: DropReason, p: string | undefined, m: Sent) => void,
  ): void {
    const subLinks = this.model.linksOf(pub).filter((l) => SUBSCRIBING.has(this.model.kindOf(l.from === pub ? l.to : l.from)!));
    const subs = [...new Set(subLinks.map((l) => (l.from === pub ? l.to : l.from)))];
    // A subscriber that got every message its publishers sent lost nothing, whatever the times in the trace say.
    const judged = subs.filter((sub) => (totals[sub]?.received ?? 0) < this.sentToward(sub, totals));
    for (const m of sends) {
      const live = subLinks.filter((l) => upAt(l, m.t));
      if (live.length === 0 && !subLinks.some((l) => l.since > m.t)) lose(pub, "no-peer", undefined, m);
      for (const sub of judged) {
        const links = subLinks.filter((l) => l.from === sub || l.to === sub);
        const wanted = this.subscriptions.matchesEver(sub, m.head);
        if (links.some((l) => upAt(l, m.t))) {
          if (!this.subscriptions.matchesAt(sub, m.head, m.t)) lose(sub, wanted ? "before-subscription" : "filtered", pub, m);
        } else if (wanted && links.some((l) => l.since > m.t)) lose(sub, "before-subscription", pub, m);
      }
    }
  }

  private judgeRouter(router: string, sends: RouterSent[], lose: (s: string, r: DropReason, p: string | undefined, m: Sent) => void): void {
    const seen = this.identities.get(router);
    const links = this.model.linksOf(router);
    for (const m of sends) {
      const peers = [...(this.routingIds.get(m.identity) ?? []), ...(seen?.has(m.identity) ? [seen.get(m.identity)] : [])];
      const reachable = peers.some((p) => p === undefined || links.some((l) => (l.from === p || l.to === p) && upAt(l, m.t)));
      if (!reachable) lose(router, "no-route", undefined, m);
    }
  }

  private sentToward(sub: string, totals: Record<string, SocketTotals>): number {
    return this.model
      .peersOf(sub)
      .filter((p) => PUBLISHING.has(this.model.kindOf(p)!))
      .reduce((sum, p) => sum + (totals[p]?.sent ?? 0), 0);
  }

  private onOption(event: TraceEventOf<"socket/option">): void {
    if (event.name === "routingId" && typeof event.value === "string") {
      const key = Buffer.from(event.value).toString("base64");
      this.routingIds.set(key, [...(this.routingIds.get(key) ?? []), event.socket]);
    }
    if (event.name === "mandatory" && event.value === true) this.mandatory.add(event.socket);
    const values = Array.isArray(event.value) ? event.value : [event.value];
    if (event.name === "subscribe" && values.includes("")) this.hwm.subscribedAll.add(event.socket);
    if (event.name === "sendHighWaterMark" || event.name === "receiveHighWaterMark") {
      const hwm = this.hwm.hwm.get(event.socket) ?? {};
      hwm[event.name === "sendHighWaterMark" ? "send" : "receive"] = Number(event.value);
      this.hwm.hwm.set(event.socket, hwm);
    }
  }

  private report(socket: string, reason: DropReason, peer: string | undefined, first: Sent, count: number, t: number): (MessageDrop | Diagnostic)[] {
    const kind = this.model.kindOf(socket) ?? "PAIR";
    const name = (s: string) => `${this.nameOf(s)} (${this.model.kindOf(s) ?? "socket"})`;
    const n = `${count} message${count === 1 ? "" : "s"}`;
    const sentences: Record<DropReason, [code: string, on: string, message: string]> = {
      filtered: [
        "messages-filtered",
        socket,
        `${name(socket)} never got ${n} ${peer ? name(peer) : "its publisher"} published: none of its subscriptions matched them (a SUB gets only messages starting with a prefix it subscribed to; subscribe("") takes all).`,
      ],
      "no-route": [
        "unroutable",
        socket,
        `${name(socket)} dropped ${n}: the first frame named a routing id no connected peer had (any more). A ROUTER silently drops what it cannot route; set mandatory: true to get an error instead, and reply with the identity frame it received.`,
      ],
      hwm: [
        "messages-dropped",
        socket,
        `${name(socket)} lost at least ${n} ${peer ? name(peer) : "its publisher"} published, because PUB drops messages silently for a subscriber whose queue is full (high-water mark, default 1000). Receive faster than you publish, pace the publisher, or raise receiveHighWaterMark/sendHighWaterMark.`,
      ],
      "before-subscription": [
        "slow-joiner",
        peer ?? socket,
        `${name(socket)} missed ${n} ${peer ? name(peer) : "the publisher"} published before it had connected and subscribed, and PUB drops messages nobody is there to receive (the "slow joiner"). Wait until the subscribers are connected (a short pause, or a sync handshake) before publishing.`,
      ],
      "no-peer": [
        "published-to-nobody",
        socket,
        `${name(socket)} published ${n} while no subscriber was connected, and none connected later: PUB drops what nobody is there to receive.`,
      ],
    };
    const [code, on, message] = sentences[reason];
    return [
      {
        type: "message/drop",
        t,
        socket,
        kind,
        reason,
        count,
        ...(peer ? { peer } : {}),
        ...(first.seq ? { seq: first.seq } : {}),
        ...(first.fp ? { fp: first.fp } : {}),
        message,
      },
      { type: "diagnostic", t, code, message, socket: on, severity: "warning", ...(on !== socket ? { peers: [socket] } : peer ? { peers: [peer] } : {}) },
    ];
  }
}

function upAt(link: Readonly<Link>, t: number): boolean {
  return link.since <= t && (link.until === undefined || link.until > t);
}

function keep<T>(index: Map<string, T[]>, key: string, item: T, most: number): void {
  let list = index.get(key);
  if (!list) index.set(key, (list = []));
  if (list.length < most) list.push(item);
}
