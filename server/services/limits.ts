import fp from "fastify-plugin";
import rateLimit from "@fastify/rate-limit";
import type { ServerLimits } from "../limits.js";
import { clientKey } from "../client-key.js";

declare module "fastify" {
  interface FastifyInstance {
    serverLimits: ServerLimits;
  }
}

/** The server's limits for routes to read, and @fastify/rate-limit for the routes that name a `rateLimit`. */
export default fp<{ limits: ServerLimits }>(
  async (app, { limits }) => {
    app.decorate("serverLimits", limits);
    await app.register(rateLimit, {
      global: false,
      keyGenerator: clientKey,
      // With several nodes, one count per client for the whole cluster.
      ...(app.redis ? { redis: app.redis, nameSpace: "wb:rate:http:" } : {}),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: "Too Many Requests",
        message: `Too many requests from your address (${context.max} a minute at most). Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      }),
    });
  },
  { name: "server-limits", dependencies: ["redis"] },
);
