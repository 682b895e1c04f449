import { randomBytes, randomInt } from "node:crypto";
import { Session } from "./session.js";
import { SESSION_LIMITS } from "./limits.js";
import { hashKey, type BusMessage, type SessionBus } from "./bus.js";
import { MemoryBus } from "./memory-bus.js";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const SWEEP_MS = 15_000;

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

  /** `shared`: other nodes follow these sessions too, so one node going away must not end them. */
  constructor(private readonly bus: SessionBus = new MemoryBus(), private readonly shared = false) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** A new session presented from this node, or undefined when it already presents as many as it may. */
  async open(onAudience: (count: number) => void): Promise<Session | undefined> {
    if ([...this.sessions.values()].filter((s) => s.presenting).length >= SESSION_LIMITS.SESSIONS) return undefined;
    const key = randomBytes(18).toString("base64url");
    const createdAt = Date.now();
    let code: string;
    do code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    while (this.sessions.has(code) || !(await this.bus.reserve({ code, keyHash: hashKey(key), createdAt, expiresAt: createdAt + SESSION_LIMITS.SESSION_MAX_MS })));
    const session = await this.get(code);
    return session?.present(key, onAudience);
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
  async reclaim(code: string, key: string, onAudience: (count: number) => void): Promise<Session | undefined> {
    const session = await this.get(code);
    if (!session) return undefined;
    if (!session.canReclaim(key) || !(await this.bus.claim(session.code, key))) return this.release(session);

    return session.present(key, onAudience);
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

  /** This node stops. With other nodes, sessions live on there; alone, they end. */
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
    for (const s of [...this.sessions.values()]) {
      if (now >= s.expiresAt) this.close(s, "The session reached its 30-minute limit.");
      else if (now - s.lastActivity >= SESSION_LIMITS.SESSION_IDLE_MS) this.close(s, "The session was closed after 10 minutes without activity.");
      else if (s.presenterGoneSince !== undefined && now - s.presenterGoneSince >= SESSION_LIMITS.PRESENTER_GONE_MS) this.close(s, "The presenter left.");
    }
  }

  private async follow(code: string): Promise<Session | undefined> {
    let session: Session | undefined;
    const early: BusMessage[] = [];
    const following = await this.bus.follow(code, (m) => (session ? session.receive(m) : early.push(m)));
    if (!following) return undefined;
    session = new Session(following.state, this.bus, {
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
