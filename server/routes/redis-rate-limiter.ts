import type { Redis } from "ioredis";

/**
 * The same window as RateLimiter (it starts at a key's first event), counted in Redis so that every node behind
 * the proxy shares one count per client.
 */
export class RedisRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  async allow(key: string): Promise<boolean> {
    const counter = `wb:rate:${this.name}:${key}`;
    const [, [, count]] = (await this.redis.multi().set(counter, 0, "PX", this.windowMs, "NX").incr(counter).exec()) as [unknown, [null, number]];
    return count <= this.max;
  }
}
