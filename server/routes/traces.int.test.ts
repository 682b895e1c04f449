// Shared traces through the HTTP API, on SQLite (one node) and on a real PostgreSQL, and across two nodes that
// share PostgreSQL and a real Redis (the rate limit counted once for both).
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../test/helpers.js";
import { startPostgres, startRedis, type RunningService } from "../test/services.js";
import { DEFAULT_SERVER_LIMITS } from "../limits.js";
import type { AppConfig } from "../config.js";

const TRACE_BYTES = 64 * 1024;
const PER_MINUTE = 3;
const serverLimits = {
  ...DEFAULT_SERVER_LIMITS,
  SHARED_TRACE_BYTES: TRACE_BYTES,
  TRACES_PER_ADDRESS_PER_MINUTE: PER_MINUTE,
  TRACE_STORAGE_BYTES: 20 * TRACE_BYTES,
};

let postgres: RunningService, redis: RunningService;
beforeAll(async () => ([postgres, redis] = await Promise.all([startPostgres(), startRedis()])), 60_000);
afterAll(async () => Promise.all([postgres?.stop(), redis?.stop()]));

const files = { "main.ts": 'console.log("hi");' };
const events = [
  { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: ["main.ts"], sandbox: "bwrap" },
  { type: "console", t: 1, stream: "stdout", text: "hi" },
];
const post = (app: FastifyInstance, payload: unknown, remoteAddress = "127.0.0.1") =>
  app.inject({ method: "POST", url: "/api/traces", remoteAddress, headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });

async function appWith(config: () => Partial<AppConfig>) {
  return testApp({ serverLimits, ...config() }, { WARM_POOL_SIZE: 0 });
}

describe.each([
  ["SQLite", () => ({})],
  ["PostgreSQL", () => ({ databaseUrl: postgres.url })],
])("shared traces kept in %s", (_name, config: () => Partial<AppConfig>) => {
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ app, cleanup } = await appWith(config)));
  afterAll(() => cleanup());

  it("stores a trace with its program and serves it back by id", async () => {
    const created = await post(app, { files, entry: "main.ts", events });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const got = await app.inject({ method: "GET", url: `/api/traces/${id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ files, entry: "main.ts", events });
  });

  it("refuses events that are not trace events", async () => {
    const res = await post(app, { files, events: [{ type: "run/start" }] });
    expect(res.statusCode).toBe(400);
  });

  it("refuses a trace over WB_SHARED_TRACE_BYTES with 413 and a sentence naming both sizes", async () => {
    const text = "x".repeat(1000);
    const many = Array.from({ length: Math.ceil(TRACE_BYTES / 1000) + 10 }, (_, i) => ({ type: "console", t: i, stream: "stdout", text }));
    const res = await post(app, { files, events: many });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/^The last run's trace is 0\.1 MiB, over the 0\.1 MiB a link can carry on this server\. Share the program/);
  });

  it("limits traces per address with a sentence that says when to try again; other addresses go on", async () => {
    for (let i = 0; i < PER_MINUTE; i++) expect((await post(app, { files, events }, "10.9.0.1")).statusCode).toBe(201);
    const refused = await post(app, { files, events }, "10.9.0.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/^You have shared 3 run traces in the last minute.*Try again in \d+ seconds/);
    expect((await post(app, { files, events }, "10.9.0.2")).statusCode).toBe(201);
  });

  it("refuses a new trace with 507 and a sentence once the storage quota is spent; shared ones still open", async () => {
    const big = { files, events: [{ type: "console", t: 0, stream: "stdout", text: "y".repeat(TRACE_BYTES - 1000) }] };
    let last: string | undefined;
    let res = await post(app, big, "10.9.2.0");
    for (let i = 1; res.statusCode === 201 && i < 30; i++) {
      last = res.json().id;
      res = await post(app, big, `10.9.2.${i}`);
    }
    expect(res.statusCode).toBe(507);
    expect(res.json().message).toMatch(/storage for shared runs is full.*share the program without its run/);
    expect(await app.sharedTraces.usedBytes()).toBeLessThanOrEqual(20 * TRACE_BYTES);
    expect((await app.inject({ method: "GET", url: `/api/traces/${last}` })).statusCode).toBe(200);
  });

  it("says 404 for an unknown id", async () => {
    const res = await app.inject({ method: "GET", url: "/api/traces/abcdefghijkl" });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/does not exist/);
  });
});

describe("shared traces on two nodes sharing PostgreSQL and Redis", () => {
  const nodes: Array<{ app: FastifyInstance; cleanup: () => Promise<void> }> = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) nodes.push(await appWith(() => ({ databaseUrl: postgres.url, redisUrl: redis.url })));
  });
  afterAll(async () => Promise.all(nodes.map((n) => n.cleanup())));

  it("opens through node B a trace shared through node A", async () => {
    const [a, b] = nodes.map((n) => n.app);
    const { id } = (await post(a, { files, events })).json();
    expect((await b.inject({ method: "GET", url: `/api/traces/${id}` })).json()).toEqual({ files, events });
  });

  it("counts one address's traces on both nodes together", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PER_MINUTE; i++) statuses.push((await post(nodes[i % 2].app, { files, events }, "10.9.1.1")).statusCode);
    expect(statuses).toEqual([...Array(PER_MINUTE).fill(201), 429]);
    expect((await post(nodes[1].app, { files, events }, "10.9.1.2")).statusCode).toBe(201);
  });
});
