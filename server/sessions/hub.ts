import { randomBytes, randomInt } from "node:crypto";
import { Session } from "./session.js";
import type { ServerLimits } from "../limits.js";
import { hashKey, type BusMessage, type SessionBus } from "./bus.js";
import { MemoryBus } from "./memory-bus.js";
import type { ClusterCounts } from "../cluster/address-counts.js";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const SWEEP_MS = 15_000;

export type HubLimits = ServerLimits;

/**
 * The classroom sessions this node takes part in, by join code: those its presenters opened, and those whose
 * spectators are connected here while the presenter is on another node. Closes sessions that are too old, idle,
 * or whose presenter left.
 */
export class SessionHub {
  private readonly sessions = new Map<string, Session>();
  private readonly following = new Map<string, Promise<Session | undefined>>();
  private readonly stops = new Map<Session, () => Promise<void>>();
  private readonly sweeper: NodeJS.Timeout;

  /**
   * `shared`: other nodes follow these sessions too, so this node going away must not end them. `counts`: the
   * sessions each address presents, counted over every node.
   */
  constructor(
    readonly limits: HubLimits,
    private readonly bus: SessionBus = new MemoryBus(),
    private readonly shared = false,
    private readonly counts?: ClusterCounts,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** A new session presented from `owner` (a client address) on this node, or the sentence saying why not. */
  async open(owner: string, onAudience: (count: number) => void): Promise<Session | string> {
    const presented = [...this.sessions.values()].filter((s) => s.presenting);
    if (presented.length >= this.limits.SESSIONS) return "The server has as many classroom sessions open as it can. Try again later.";
    if (presented.filter((s) => s.owner === owner).length >= this.limits.SESSIONS_PER_ADDRESS) return this.tooManySessions();
    const slot = await this.counts?.take("sessions", owner, this.limits.SESSIONS_PER_ADDRESS);
    if (slot && !slot.ok) return this.tooManySessions();
    const key = randomBytes(18).toString("base64url");
    const createdAt = Date.now();
    const record = (code: string) => ({ code, keyHash: hashKey(key), createdAt, expiresAt: createdAt + this.limits.SESSION_MAX_MS });
    let code: string;
    let session: Session | undefined;
    try {
      do code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
      while (this.sessions.has(code) || !(await this.bus.reserve(record(code))));
      session = await this.get(code);
    } finally {
      if (!session) slot?.release();
    }
    if (!session) return "The session closed as it opened. Try again.";
    if (slot) session.holdSlot(slot.release);
    return session.present(key, owner, onAudience);
  }

  private tooManySessions(): string {
    return `Your network already presents ${this.limits.SESSIONS_PER_ADDRESS} classroom sessions, the most one address may. Close one you no longer use (or wait: idle sessions close after ${Math.round(this.limits.SESSION_IDLE_MS / 60_000)} minutes).`;
  }

  /** The session with this code, wherever its presenter is; undefined when there is none. */
  async get(code: string): Promise<Session | undefined> {
    code = code.toUpperCase();
    const here = this.sessions.get(code);
    if (here) return here;
    let pending = this.following.get(code);
    if (!pending) {
      pending = this.follow(code).finally(() => this.following.delete(code));
      this.following.set(code, pending);
    }
    return pending;
  }

  /** The presenter's own session back after a dropped connection, on whichever node it reconnected to. */
  async reclaim(code: string, key: string, owner: string, onAudience: (count: number) => void): Promise<Session | undefined> {
    const session = await this.get(code);
    if (!session) return undefined;
    if (!session.canReclaim(key) || !(await this.bus.claim(session.code, key))) return this.release(session);
    // The presenter's own session comes back whatever the count; the node it left gives its slot up.
    if (this.counts) session.holdSlot(await this.counts.hold("sessions", owner));
    return session.present(key, owner, onAudience);
  }

  /** Stops following a session looked up here that has neither its presenter nor spectators on this node. */
  release(session: Session): undefined {
    if (!session.presenting && !session.watchedHere) this.forget(session);
    return undefined;
  }

  close(session: Session, reason: string): void {
    if (this.sessions.get(session.code) !== session) return;
    this.forget(session);
    session.close(reason);
  }

  /** This node stops. With other nodes, its sessions live on there; alone, they end. */
  async closeAll(reason: string): Promise<void> {
    clearInterval(this.sweeper);
    for (const s of [...this.sessions.values()]) {
      if (!this.shared) this.close(s, reason);
      else {
        s.leave();
        this.forget(s);
      }
    }
    await Promise.all([...this.stops.values()].map((stop) => stop()));
    await this.bus.close();
  }

  sweep(now = Date.now()): void {
    const minutes = (ms: number) => Math.round(ms / 60_000);
    for (const s of [...this.sessions.values()]) {
      if (now >= s.expiresAt) this.close(s, `The session reached its ${minutes(this.limits.SESSION_MAX_MS)}-minute limit.`);
      else if (now - s.lastActivity >= this.limits.SESSION_IDLE_MS)
        this.close(s, `The session was closed after ${minutes(this.limits.SESSION_IDLE_MS)} minutes without activity.`);
      else if (s.presenterGoneSince !== undefined && now - s.presenterGoneSince >= this.limits.PRESENTER_GONE_MS) this.close(s, "The presenter left.");
    }
  }

  private async follow(code: string): Promise<Session | undefined> {
    let session: Session | undefined;
    const early: BusMessage[] = [];
    const following = await this.bus.follow(code, (m) => (session ? session.receive(m) : early.push(m)));
    if (!following) return undefined;
    session = new Session(following.state, this.limits, this.bus, {
      ended: (s, reason) => {
        this.forget(s);
        s.end(reason);
      },
      unwatched: (s) => this.forget(s),
    });
    this.sessions.set(code, session);
    this.stops.set(session, following.stop);
    for (const m of early) session.receive(m);
    return session;
  }

  private forget(session: Session): void {
    if (this.sessions.get(session.code) === session) this.sessions.delete(session.code);
    const stop = this.stops.get(session);
    this.stops.delete(session);
    void stop?.();
  }
}
