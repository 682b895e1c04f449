import type { Redis } from "ioredis";
import { joinRefusal, type JoinMisses } from "./join-guard.js";

const WINDOW_MS = 60_000;

/** JoinGuard's window counted in Redis, so a guesser gets the same number of misses from the whole cluster as from one node. */
export class RedisJoinGuard implements JoinMisses {
  constructor(
    private readonly redis: Redis,
    private readonly missesPerMinute: number,
  ) {}

  async waitSeconds(key: string): Promise<number> {
    const counter = this.counter(key);
    const [[, misses], [, ttl]] = (await this.redis.multi().get(counter).pttl(counter).exec()) as [[null, string | null], [null, number]];
    if (Number(misses ?? 0) < this.missesPerMinute || ttl <= 0) return 0;
    return Math.ceil(ttl / 1000);
  }

  async miss(key: string): Promise<void> {
    const counter = this.counter(key);
    await this.redis.multi().set(counter, 0, "PX", WINDOW_MS, "NX").incr(counter).exec();
  }

  refusal(seconds: number): string {
    return joinRefusal(seconds);
  }

  private counter(key: string): string {
    return `wb:join-misses:${key}`;
  }
}
