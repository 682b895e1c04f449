import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import type { AppConfig } from "../config.js";
import { DEFAULT_LIMITS, type Limits } from "../sandbox/limits.js";
import { DEFAULT_SERVER_LIMITS } from "../limits.js";

/** A real app on a fresh data directory, for `inject` tests. */
export async function testApp(
  overrides: Partial<AppConfig> = {},
  limits: Partial<Limits> = {},
): Promise<{ app: FastifyInstance; dataDir: string; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "zmq-wb-test-"));
  const config: AppConfig = {
    host: "127.0.0.1",
    port: 0,
    dataDir,
    sandbox: process.env.SANDBOX ?? "auto",
    limits: { ...DEFAULT_LIMITS, WARM_POOL_SIZE: 1, ...limits },
    serverLimits: { ...DEFAULT_SERVER_LIMITS },
    logLevel: "silent",
    lessonsDir: new URL("../../lessons", import.meta.url).pathname,
    ...overrides,
  };
  const app = await buildApp(config, { logger: false });
  await app.ready();
  return {
    app,
    dataDir,
    cleanup: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A real app listening on a free loopback port, trusting 127.0.0.1 as its proxy so tests can send X-Forwarded-For. */
export async function listeningApp(
  overrides: Partial<AppConfig> = {},
  limits: Partial<Limits> = {},
): Promise<{ app: FastifyInstance; baseUrl: string; cleanup: () => Promise<void> }> {
  const made = await testApp({ trustProxy: "127.0.0.1", ...overrides }, limits);
  const baseUrl = await made.app.listen({ host: "127.0.0.1", port: 0 });
  return { app: made.app, baseUrl, cleanup: made.cleanup };
}
