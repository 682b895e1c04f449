import { randomInt } from "node:crypto";
import { Session } from "./session.js";
import { SESSION_LIMITS } from "./limits.js";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const SWEEP_MS = 15_000;

/** Open classroom sessions by join code; closes those that are too old, idle, or whose presenter left. */
export class SessionHub {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** A new session, or undefined when the server already has as many as it may. */
  open(onAudience: (count: number) => void): Session | undefined {
    if (this.sessions.size >= SESSION_LIMITS.SESSIONS) return undefined;
    let code: string;
    do code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    while (this.sessions.has(code));
    const session = new Session(code, onAudience);
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
      if (now >= s.expiresAt) this.close(s, "The session reached its 30-minute limit.");
      else if (now - s.lastActivity >= SESSION_LIMITS.SESSION_IDLE_MS) this.close(s, "The session was closed after 10 minutes without activity.");
      else if (s.presenterGoneSince !== undefined && now - s.presenterGoneSince >= SESSION_LIMITS.PRESENTER_GONE_MS) this.close(s, "The presenter left.");
    }
  }
}
