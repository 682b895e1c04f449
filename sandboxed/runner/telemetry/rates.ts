import type { SocketTotals, TraceEvent } from "../../../protocol/trace.js";

type RatesEvent = Extract<TraceEvent, { type: "rates" }>;

/**
 * Messages per second per socket between two readings of the totals. A socket appears when its counts moved, and
 * once more with zeros when they stop, so a graph can let an edge go quiet.
 */
export class RateMeter {
  private last: Record<string, SocketTotals> = {};
  private lastAt: number | undefined;
  private moving = new Set<string>();

  /** `now` and `t` in ms; undefined when nothing moved and nothing stopped. */
  read(totals: Record<string, SocketTotals>, now: number, t: number): RatesEvent | undefined {
    const since = this.lastAt;
    this.lastAt = now;
    const previous = this.last;
    this.last = totals;
    if (since === undefined || now <= since) return undefined;
    const seconds = (now - since) / 1000;
    const sockets: RatesEvent["sockets"] = {};
    const moving = new Set<string>();
    for (const [id, total] of Object.entries(totals)) {
      const before = previous[id] ?? { sent: 0, received: 0 };
      const sent = total.sent - before.sent;
      const received = total.received - before.received;
      if (sent === 0 && received === 0 && !this.moving.has(id)) continue;
      if (sent !== 0 || received !== 0) moving.add(id);
      sockets[id] = { sent: Math.round(sent / seconds), received: Math.round(received / seconds) };
    }
    this.moving = moving;
    if (Object.keys(sockets).length === 0) return undefined;
    return { type: "rates", t, interval: Math.round(now - since), sockets };
  }
}
