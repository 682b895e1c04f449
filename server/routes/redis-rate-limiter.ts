import type { Redis } from "ioredis";

/** The same fixed window as RateLimiter, counted in Redis so that every node behind the proxy shares the count. */
export class RedisRateLimiter {
  constructor(private readonly redis: Redis, private readonly name: string, private readonly max: number, private readonly windowMs: number) {}

  async allow(key: string, now = Date.now()): Promise<boolean> {
    const window = Math.floor(now / this.windowMs);
    const counter = `wb:rate:${this.name}:${key}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(counter).pexpire(counter, this.windowMs).exec()) as [[null, number], unknown];
    return count <= this.max;
  }
}
