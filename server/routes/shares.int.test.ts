import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";

let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp({}, { WARM_POOL_SIZE: 0 })));
afterAll(() => cleanup());

const post = (payload: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  app.inject({ method: "POST", url: "/api/shares", headers, payload: typeof payload === "string" ? payload : JSON.stringify(payload) });

describe("POST /api/shares", () => {
  it("stores a two-file program and serves it back by id", async () => {
    const files = { "main.ts": 'import { hi } from "./worker";\nhi();', "worker.ts": "export const hi = () => 1;" };
    const created = await post({ files });
    expect(created.statusCode).toBe(201);
    const { id, url } = created.json();
    expect(url).toBe(`/s/${id}`);
    const got = await app.inject({ method: "GET", url: `/api/shares/${id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id, files, entry: "main.ts" });
  });

  it("refuses a body that is not JSON with a clear 400", async () => {
    const res = await post("{not json");
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/not valid JSON/);
  });

  it("refuses another content type with 415", async () => {
    const res = await post("files=1", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toMatch(/JSON/);
  });

  it("refuses a program that is too large with 413", async () => {
    const res = await post({ files: { "main.ts": "x".repeat(600 * 1024) } });
    expect(res.statusCode).toBe(413);
  });

  it("refuses a file over the per-file limit, bad file names and an entry that is not a file", async () => {
    expect((await post({ files: { "main.ts": "x".repeat(70 * 1024) } })).statusCode).toBe(400);
    for (const name of ["../etc/passwd", "/abs.ts", "a b.ts", "main.exe", ".hidden.ts"]) {
      const res = await post({ files: { [name]: "" } });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().message).toMatch(/is not a valid file name/);
    }
    const res = await post({ files: { "main.ts": "" }, entry: "other.ts" });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/entry file "other.ts"/);
  });

  it("refuses an empty program and unknown fields' wrong types", async () => {
    expect((await post({ files: {} })).statusCode).toBe(400);
    expect((await post({ files: { "main.ts": 42 } })).statusCode).toBe(400);
    expect((await post({})).statusCode).toBe(400);
  });
});

describe("GET /api/shares/:id", () => {
  it("answers 404 with a sentence for an unknown id", async () => {
    const res = await app.inject({ method: "GET", url: "/api/shares/AAAAAAAAAAAA" });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/no shared program/);
  });
  it("answers every error in the API's one body shape, whoever raised it (a route, the body parser, the schema)", async () => {
    const replies = [
      await app.inject({ method: "GET", url: "/api/shares/AAAAAAAAAAAA" }),
      await post({ files: { "a b.ts": "" } }),
      await post("{nope"),
      await post({ files: {} }),
    ];
    expect(replies.map((r) => r.statusCode)).toEqual([404, 400, 400, 400]);
    for (const res of replies) {
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(["error", "message", "statusCode"]);
      expect(body).toMatchObject({ statusCode: res.statusCode, error: res.statusCode === 404 ? "Not Found" : "Bad Request", message: expect.any(String) });
    }
  });
  it("answers 400 for a malformed id", async () => {
    const res = await app.inject({ method: "GET", url: "/api/shares/..%2F..%2Fetc" });
    expect(res.statusCode).toBe(400);
  });
});

describe("GET /api/health", () => {
  it("names the sandbox driver and the version", async () => {
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, sandbox: expect.stringMatching(/^(bwrap|none)$/), version: expect.any(String) });
  });
});
