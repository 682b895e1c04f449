import { endpointKey, transportOf } from "../../protocol/endpoints.js";
import type { SocketKind, TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { DEFAULT_LIMITS } from "../sandbox/limits.js";

export type LinkUp = TraceEventOf<"link/up">;
export type LinkDown = TraceEventOf<"link/down">;
export type LinkEvent = LinkUp | LinkDown;

/** One connect that reached one bind. `until` is set once the link went down. */
export interface Link {
  id: string;
  from: string;
  to: string;
  endpoint: string;
  transport: LinkUp["transport"];
  since: number;
  until?: number;
}

/** A bind or a connect of one socket. */
interface Endpoint {
  socket: string;
  endpoint: string;
  key: string | undefined;
  t: number;
  /** When it stopped (unbind, disconnect, close); undefined while it lasts. */
  until?: number;
  /** A connect's live link, a bind's live links. */
  links: Set<Link>;
  everLinked: boolean;
}

/**
 * Whether an endpoint still counted at time t. Threads and child processes report in batches, so a bind can
 * arrive after the connecting socket has already closed; what matters is whether their lifetimes overlapped.
 */
const aliveAt = (e: Endpoint, t: number): boolean => e.until === undefined || e.until >= t;

/**
 * The run's one topology: which connect reached which bind, when, and how it ended. A connect reaches the bind
 * whose endpoint matches (protocol/endpoints.ts), whichever came first, and holds one live link at a time, as a
 * libzmq connect does. Binds and connects are indexed by address, so each event costs time in the number of
 * sockets at that address, never in the size of the run. apply() returns the link events the trace gains.
 */
export class LinkModel {
  private readonly kinds = new Map<string, SocketKind>();
  private readonly bindsAt = new Map<string, AddressList>();
  /** Connects with no live link, per address: the ones a new bind there may link. */
  private readonly waitingAt = new Map<string, AddressList>();
  private readonly endpointsOf = new Map<string, { binds: Endpoint[]; connects: Endpoint[] }>();
  private readonly bySocket = new Map<string, Link[]>();
  private readonly connectOf = new Map<Link, Endpoint>();
  private readonly all: Link[] = [];
  private changes: LinkEvent[] = [];

  /** `endedKept`: ended endpoints kept per address for batches that arrive late (a thread's bind after the peer closed). */
  constructor(private readonly endedKept: number = DEFAULT_LIMITS.ENDED_KEPT_PER_ADDRESS) {}

  apply(event: TraceEvent): LinkEvent[] {
    this.changes = [];
    switch (event.type) {
      case "socket/open":
        this.kinds.set(event.socket, event.kind);
        break;
      case "socket/bind":
        this.addBind(this.endpoint(event.socket, event.resolved ?? event.endpoint, event.t));
        break;
      case "socket/connect":
        this.addConnect(this.endpoint(event.socket, event.endpoint, event.t));
        break;
      case "socket/unbind":
        for (const b of this.own(event.socket).binds) if (b.until === undefined && sameAddress(b, event.endpoint)) this.endBind(b, event.t, "unbound");
        break;
      case "socket/disconnect":
        for (const c of this.own(event.socket).connects)
          if (c.until === undefined && sameAddress(c, event.endpoint)) this.endConnect(c, event.t, "disconnected");
        break;
      case "socket/close": {
        const own = this.own(event.socket);
        for (const b of own.binds) if (b.until === undefined) this.endBind(b, event.t, "closed");
        for (const c of own.connects) if (c.until === undefined) this.endConnect(c, event.t, "closed");
        break;
      }
    }
    return this.changes;
  }

  kindOf(socket: string): SocketKind | undefined {
    return this.kinds.get(socket);
  }

  /** Every link of the run, up or down, in the order they formed. */
  links(): readonly Readonly<Link>[] {
    return this.all;
  }

  /** The links of one socket, either end. */
  linksOf(socket: string): readonly Readonly<Link>[] {
    return this.bySocket.get(socket) ?? [];
  }

  /** Sockets this one has (or had) a link with, either direction. */
  peersOf(socket: string): string[] {
    return [...new Set(this.linksOf(socket).map((l) => (l.from === socket ? l.to : l.from)))];
  }

  /** Whether a socket's connect to this endpoint ever reached a bind. */
  reached(socket: string, endpoint: string): boolean {
    return this.endpointsOf.get(socket)?.connects.some((c) => c.everLinked && c.endpoint === endpoint) ?? false;
  }

  /** The latest other socket bound at the address an endpoint names, if any is (or was) there. */
  binderAt(endpoint: string, except?: string): string | undefined {
    const key = endpointKey(endpoint);
    return key === undefined ? undefined : this.bindsAt.get(key)?.items.findLast((b) => b.socket !== except)?.socket;
  }

  private endpoint(socket: string, endpoint: string, t: number): Endpoint {
    return { socket, endpoint, key: endpointKey(endpoint), t, links: new Set(), everLinked: false };
  }

  private own(socket: string): { binds: Endpoint[]; connects: Endpoint[] } {
    let own = this.endpointsOf.get(socket);
    if (!own) this.endpointsOf.set(socket, (own = { binds: [], connects: [] }));
    return own;
  }

  private addBind(bind: Endpoint): void {
    this.own(bind.socket).binds.push(bind);
    if (bind.key === undefined) return;
    listAt(this.bindsAt, bind.key, this.endedKept).push(bind);
    const waiting = listAt(this.waitingAt, bind.key, this.endedKept);
    const still: Endpoint[] = [];
    for (const connect of waiting.items) {
      if (connect.socket !== bind.socket && aliveAt(connect, bind.t) && aliveAt(bind, connect.t)) this.link(connect, bind);
      else still.push(connect);
    }
    waiting.replace(still);
  }

  private addConnect(connect: Endpoint): void {
    this.own(connect.socket).connects.push(connect);
    if (connect.key === undefined) return;
    const bind = this.bindsAt.get(connect.key)?.items.findLast((b) => b.socket !== connect.socket && aliveAt(b, connect.t));
    if (bind) this.link(connect, bind);
    else listAt(this.waitingAt, connect.key, this.endedKept).push(connect);
  }

  private link(connect: Endpoint, bind: Endpoint): void {
    const link: Link = {
      id: `l${this.all.length + 1}`,
      from: connect.socket,
      to: bind.socket,
      endpoint: connect.endpoint,
      transport: transportOf(connect.endpoint),
      since: Math.max(connect.t, bind.t),
    };
    this.all.push(link);
    for (const socket of [link.from, link.to]) {
      const list = this.bySocket.get(socket);
      if (list) list.push(link);
      else this.bySocket.set(socket, [link]);
    }
    this.connectOf.set(link, connect);
    connect.links.add(link);
    bind.links.add(link);
    connect.everLinked = true;
    this.changes.push({ type: "link/up", t: link.since, link: link.id, from: link.from, to: link.to, endpoint: link.endpoint, transport: link.transport });
    // A report that came late: the link formed and ended before both ends were heard of.
    if (connect.until !== undefined && (bind.until === undefined || connect.until <= bind.until)) this.down(link, connect.until, "closed", connect.socket);
    else if (bind.until !== undefined) this.down(link, bind.until, "closed", bind.socket);
  }

  private endBind(bind: Endpoint, t: number, reason: LinkDown["reason"]): void {
    bind.until = t;
    for (const link of bind.links) {
      this.down(link, t, reason, bind.socket);
      const connect = this.connectOf.get(link);
      connect?.links.delete(link);
      // The connect stays and will reach the next bind at its address, as libzmq reconnects.
      if (connect && connect.until === undefined && connect.key !== undefined) listAt(this.waitingAt, connect.key, this.endedKept).push(connect);
    }
    bind.links.clear();
  }

  private endConnect(connect: Endpoint, t: number, reason: LinkDown["reason"]): void {
    connect.until = t;
    for (const link of connect.links) this.down(link, t, reason, connect.socket);
    connect.links.clear();
  }

  private down(link: Link, t: number, reason: LinkDown["reason"], by: string): void {
    if (link.until !== undefined) return;
    link.until = Math.max(t, link.since);
    this.changes.push({
      type: "link/down",
      t: link.until,
      link: link.id,
      from: link.from,
      to: link.to,
      endpoint: link.endpoint,
      transport: link.transport,
      reason,
      by,
    });
  }
}

function sameAddress(e: Endpoint, endpoint: string): boolean {
  return e.endpoint === endpoint || (e.key !== undefined && e.key === endpointKey(endpoint));
}

/**
 * The binds or waiting connects at one address. Ended ones are kept only up to `endedKept` (for late reports);
 * trimming runs when the list has doubled since the last trim, so pushing stays constant time on average.
 */
class AddressList {
  items: Endpoint[] = [];
  private trimAt: number;

  constructor(private readonly endedKept: number) {
    this.trimAt = 2 * endedKept;
  }

  push(e: Endpoint): void {
    this.items.push(e);
    if (this.items.length >= this.trimAt) this.replace(this.items);
  }

  replace(items: Endpoint[]): void {
    let endedToDrop = items.filter((x) => x.until !== undefined).length - this.endedKept;
    this.items = endedToDrop <= 0 ? items : items.filter((x) => x.until === undefined || endedToDrop-- <= 0);
    this.trimAt = Math.max(2 * this.endedKept, 2 * this.items.length);
  }
}

function listAt(index: Map<string, AddressList>, key: string, endedKept: number): AddressList {
  let list = index.get(key);
  if (!list) index.set(key, (list = new AddressList(endedKept)));
  return list;
}
