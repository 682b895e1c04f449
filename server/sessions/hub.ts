import { randomInt } from "node:crypto";
import { Session } from "./session.js";
import type { ServerLimits } from "../limits.js";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const SWEEP_MS = 15_000;

export type HubLimits = ServerLimits;

/** Open classroom sessions by join code; closes those that are too old, idle, or whose presenter left. */
export class SessionHub {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(readonly limits: HubLimits) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** A new session presented from `owner` (a client address), or the sentence saying why not. */
  open(owner: string, onAudience: (count: number) => void): Session | string {
    if (this.sessions.size >= this.limits.SESSIONS) return "The server has as many classroom sessions open as it can. Try again later.";
    if (this.countOwnedBy(owner) >= this.limits.SESSIONS_PER_ADDRESS) {
      return `Your network already presents ${this.limits.SESSIONS_PER_ADDRESS} classroom sessions, the most one address may. Close one you no longer use (or wait: idle sessions close after ${Math.round(this.limits.SESSION_IDLE_MS / 60_000)} minutes).`;
    }
    let code: string;
    do code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    while (this.sessions.has(code));
    const session = new Session(code, owner, this.limits, onAudience);
    this.sessions.set(code, session);
    return session;
  }

  get(code: string): Session | undefined {
    return this.sessions.get(code.toUpperCase());
  }

  close(session: Session, reason: string): void {
    if (this.sessions.get(session.code) !== session) return;
    this.sessions.delete(session.code);
    session.end(reason);
  }

  closeAll(reason: string): void {
    clearInterval(this.sweeper);
    for (const s of [...this.sessions.values()]) this.close(s, reason);
  }

  sweep(now = Date.now()): void {
    for (const s of [...this.sessions.values()]) {
      if (now >= s.expiresAt) this.close(s, `The session reached its ${Math.round(this.limits.SESSION_MAX_MS / 60_000)}-minute limit.`);
      else if (now - s.lastActivity >= this.limits.SESSION_IDLE_MS) this.close(s, `The session was closed after ${Math.round(this.limits.SESSION_IDLE_MS / 60_000)} minutes without activity.`);
      else if (s.presenterGoneSince !== undefined && now - s.presenterGoneSince >= this.limits.PRESENTER_GONE_MS) this.close(s, "The presenter left.");
    }
  }

  private countOwnedBy(owner: string): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.owner === owner) n++;
    return n;
  }
}
