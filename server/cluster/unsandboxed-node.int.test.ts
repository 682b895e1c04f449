import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";
import { startRedis, type RunningService } from "../test/services.js";

let redis: RunningService;
let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  redis = await startRedis();
  ({ app, cleanup } = await testApp({ sandbox: "none", redisUrl: redis.url }, { WARM_POOL_SIZE: 0 }));
}, 60_000);
afterAll(async () => {
  await cleanup?.();
  await redis?.stop();
});

describe("a node without a sandbox in a cluster", () => {
  it("runs no code, because a program could reach the shared Redis or PostgreSQL, and says so", async () => {
    const health = (await app.inject({ method: "GET", url: "/api/health" })).json();
    expect(health).toMatchObject({
      ok: true,
      sandbox: "none",
      acceptingRuns: false,
      warning: expect.stringMatching(/shares PostgreSQL or Redis.*Install bubblewrap/),
    });
    const probe = await WsProbe.open(app, "/api/runs");
    probe.send({ type: "run/start", payload: { files: { "main.ts": "console.log(1)" } }, meta: { runId: "refused" } });
    expect(await probe.errorFor("refused")).toMatch(/does not run code/);
    expect(probe.events("refused")).toEqual([]);
    probe.ws.terminate();
  });
});
