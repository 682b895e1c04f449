import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";
import { DEFAULT_SERVER_LIMITS } from "../limits.js";
import { shareBytes } from "../shares/content-id.js";

const program = (n: number) => ({ "main.ts": `// program ${n}\n${"x".repeat(1000)}` });
const STORAGE_BYTES = 10 * shareBytes(program(100), "main.ts");

let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(
  async () =>
    ({ app, cleanup } = await testApp(
      { serverLimits: { ...DEFAULT_SERVER_LIMITS, SHARES_PER_ADDRESS_PER_MINUTE: 4, SHARE_STORAGE_BYTES: STORAGE_BYTES } },
      { WARM_POOL_SIZE: 0 },
    )),
);
afterAll(() => cleanup());

const post = (files: Record<string, string>, remoteAddress: string) =>
  app.inject({ method: "POST", url: "/api/shares", remoteAddress, headers: { "content-type": "application/json" }, payload: JSON.stringify({ files }) });

describe("shares from many users", () => {
  it("limits shares per address with a sentence that says when to try again, and other addresses go on", async () => {
    for (let i = 0; i < 4; i++) expect((await post(program(i), "10.0.0.1")).statusCode).toBe(201);
    const refused = await post(program(4), "10.0.0.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/You have shared 4 programs in the last minute.*Try again in \d+ seconds/);
    expect((await post(program(4), "10.0.0.2")).statusCode).toBe(201);
  });

  it("stores an identical program once: the same id and URL, and no more storage used", async () => {
    const first = await post({ "main.ts": "same", "b.ts": "1" }, "10.0.1.1");
    const used = await app.shares.store.usedBytes();
    const again = await post({ "b.ts": "1", "main.ts": "same" }, "10.0.1.2");
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await app.shares.store.usedBytes()).toBe(used);
  });

  it("refuses a new program with 507 and a clear sentence once the storage quota is spent; shared ones still open", async () => {
    let status = 201;
    let address = 0;
    let last: { id: string } | undefined;
    for (let i = 10; status === 201 && i < 30; i++) {
      const res = await post(program(i), `10.0.2.${address++}`);
      status = res.statusCode;
      if (status === 201) last = res.json();
      else {
        expect(status).toBe(507);
        expect(res.json().message).toMatch(/storage for shared programs is full/);
      }
    }
    expect(status).toBe(507);
    expect(await app.shares.store.usedBytes()).toBeLessThanOrEqual(STORAGE_BYTES);
    expect((await app.inject({ method: "GET", url: `/api/shares/${last!.id}` })).statusCode).toBe(200);
  });
});
