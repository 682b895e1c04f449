import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";
import { DEFAULT_SERVER_LIMITS } from "../limits.js";
import { configFromEnv, trustProxyFromEnv } from "../config.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function appBehind(trustProxy: boolean | number | string): Promise<FastifyInstance> {
  const made = await testApp({ trustProxy, serverLimits: { ...DEFAULT_SERVER_LIMITS, SHARES_PER_ADDRESS_PER_MINUTE: 2 } }, { WARM_POOL_SIZE: 0 });
  cleanup = made.cleanup;
  return made.app;
}

/** Shares posted through a proxy at 127.0.0.1 on behalf of `client`. */
const viaProxy = (app: FastifyInstance, client: string, n: number) =>
  app.inject({
    method: "POST",
    url: "/api/shares",
    remoteAddress: "127.0.0.1",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    payload: JSON.stringify({ files: { "main.ts": `// ${client} ${n}` } }),
  });

describe("TRUST_PROXY", () => {
  it("reads false, true, a hop count or a list of proxy addresses", () => {
    expect([undefined, "", "false", "true", "1", "127.0.0.1,10.0.0.0/8"].map(trustProxyFromEnv)).toEqual([
      false,
      false,
      false,
      true,
      1,
      "127.0.0.1,10.0.0.0/8",
    ]);
    expect(configFromEnv({ TRUST_PROXY: "127.0.0.1" }).trustProxy).toBe("127.0.0.1");
  });

  it("when the proxy is trusted, keys limits on each forwarded client address", async () => {
    const app = await appBehind("127.0.0.1");
    for (let n = 0; n < 2; n++) expect((await viaProxy(app, "203.0.113.7", n)).statusCode).toBe(201);
    expect((await viaProxy(app, "203.0.113.7", 2)).statusCode).toBe(429);
    expect((await viaProxy(app, "203.0.113.8", 0)).statusCode).toBe(201);
  });

  it("by default ignores X-Forwarded-For, so a client cannot pick a fresh address per request", async () => {
    const app = await appBehind(false);
    expect((await viaProxy(app, "203.0.113.1", 0)).statusCode).toBe(201);
    expect((await viaProxy(app, "203.0.113.2", 0)).statusCode).toBe(201);
    expect((await viaProxy(app, "203.0.113.3", 0)).statusCode).toBe(429);
  });

  it("trusts only the named proxy: a forwarded header from another address is ignored", async () => {
    const app = await appBehind("10.9.9.9");
    expect((await viaProxy(app, "203.0.113.1", 0)).statusCode).toBe(201);
    expect((await viaProxy(app, "203.0.113.2", 0)).statusCode).toBe(201);
    expect((await viaProxy(app, "203.0.113.3", 0)).statusCode).toBe(429);
  });
});
