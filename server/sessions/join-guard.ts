/** Unknown join codes counted per address: in this process (JoinGuard) or across nodes (RedisJoinGuard). */
export interface JoinMisses {
  /** Seconds until `key` may look codes up again, or 0 when it may now. */
  waitSeconds(key: string): Promise<number>;
  miss(key: string): Promise<void>;
  refusal(seconds: number): string;
}

export const joinRefusal = (seconds: number) =>
  `Too many session codes from your address did not match a session. Check the code on the presenter's screen and try again in ${seconds} seconds.`;

/**
 * Stops join-code guessing: counts lookups of codes that do not exist, per address, in a fixed one-minute window.
 * Past the limit every lookup from that address is refused until the window ends, so a guesser cannot even
 * confirm a hit, while a class typing codes (a few typos each) never meets it.
 */
export class JoinGuard implements JoinMisses {
  private readonly windows = new Map<string, { start: number; misses: number }>();
  private readonly windowMs = 60_000;

  constructor(private readonly missesPerMinute: number) {}

  async waitSeconds(key: string, now = Date.now()): Promise<number> {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs || w.misses < this.missesPerMinute) return 0;
    return Math.ceil((w.start + this.windowMs - now) / 1000);
  }

  async miss(key: string, now = Date.now()): Promise<void> {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, misses: 1 });
      if (this.windows.size > 10_000) for (const [k, old] of this.windows) if (now - old.start >= this.windowMs) this.windows.delete(k);
    } else w.misses++;
  }

  refusal(seconds: number): string {
    return joinRefusal(seconds);
  }
}
