import fp from "fastify-plugin";
import { Redis } from "ioredis";
import type { AppConfig } from "../config.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The cluster's Redis when `REDIS_URL` is set (sessions and rate limits across nodes); undefined on one node. */
    redis: Redis | undefined;
  }
}

/** Connects before the node takes requests, so a wrong REDIS_URL stops the start with a sentence, not later. */
export default fp<{ config: AppConfig }>(
  async (app, { config }) => {
    if (!config.redisUrl) return void app.decorate("redis", undefined);
    const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    redis.on("error", (err: Error) => app.log.warn(`Redis: ${err.message}`));
    try {
      await redis.connect();
    } catch (err) {
      redis.disconnect();
      throw new Error(`Could not connect to Redis at REDIS_URL: ${(err as Error).message}`);
    }
    app.decorate("redis", redis);
    app.addHook("onClose", async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  },
  { name: "redis" },
);
