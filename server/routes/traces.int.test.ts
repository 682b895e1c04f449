import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SHARED_TRACE_BYTES } from "../../protocol/sharedTrace.js";
import { testApp } from "../test/helpers.js";

let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp({}, { WARM_POOL_SIZE: 0 })));
afterAll(() => cleanup());

const post = (payload: unknown) =>
  app.inject({ method: "POST", url: "/api/traces", headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });

const files = { "main.ts": 'console.log("hi");' };
const events = [
  { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: ["main.ts"], sandbox: "bwrap" },
  { type: "console", t: 1, stream: "stdout", text: "hi" },
];

describe("shared traces", () => {
  it("stores a trace with its program and serves it back by id", async () => {
    const created = await post({ files, entry: "main.ts", events });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const got = await app.inject({ method: "GET", url: `/api/traces/${id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ files, entry: "main.ts", events });
  });

  it("refuses events that are not trace events", async () => {
    const res = await post({ files, events: [{ type: "run/start" }] });
    expect(res.statusCode).toBe(400);
  });

  it("refuses a trace over the size limit with 413", async () => {
    const text = "x".repeat(1000);
    const many = Array.from({ length: Math.ceil(MAX_SHARED_TRACE_BYTES / 1000) + 10 }, (_, i) => ({ type: "console", t: i, stream: "stdout", text }));
    const res = await post({ files, events: many });
    expect(res.statusCode).toBe(413);
  });

  it("says 404 for an unknown id", async () => {
    const res = await app.inject({ method: "GET", url: "/api/traces/abcdefghijkl" });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/does not exist/);
  });
});
