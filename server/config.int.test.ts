import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configFromEnv, ServerEnv } from "./config.js";
import { REPO_ROOT } from "./paths.js";
import { DEFAULT_LIMITS } from "./sandbox/limits.js";

describe("server configuration from the environment", () => {
  it("has sensible defaults", () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 3000, sandbox: "auto", logLevel: "info", dataDir: `${REPO_ROOT}/data` });
    expect(config.limits.RUN_WALL_MS).toBe(DEFAULT_LIMITS.RUN_WALL_MS);
  });

  it("reads every variable and its run limits", () => {
    const config = configFromEnv({ HOST: "0.0.0.0", PORT: "8080", SANDBOX: "none", LOG_LEVEL: "warn", DATA_DIR: "/tmp/x", WB_RUN_WALL_MS: "2000" });
    expect(config).toMatchObject({ host: "0.0.0.0", port: 8080, sandbox: "none", logLevel: "warn", dataDir: "/tmp/x" });
    expect(config.limits.RUN_WALL_MS).toBe(2000);
  });

  it("uses PostgreSQL, Redis and a trusted proxy only when asked", () => {
    expect(configFromEnv({})).not.toHaveProperty("databaseUrl");
    const cluster = configFromEnv({ DATABASE_URL: "postgres://wb@db/wb", REDIS_URL: "redis://cache:6379", TRUST_PROXY: "10.0.0.2,10.0.0.3" });
    expect(cluster).toMatchObject({ databaseUrl: "postgres://wb@db/wb", redisUrl: "redis://cache:6379", trustProxy: "10.0.0.2,10.0.0.3" });
    expect(configFromEnv({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
  });

  it("refuses a bad value with a sentence that names the variable", () => {
    expect(() => configFromEnv({ PORT: "http" })).toThrow(/configuration is not valid.*PORT/);
    expect(() => configFromEnv({ SANDBOX: "docker" })).toThrow(/SANDBOX/);
    expect(() => configFromEnv({ WB_RUN_WALL_MS: "-1" })).toThrow(/WB_RUN_WALL_MS/);
    expect(() => configFromEnv({ DATABASE_URL: "mysql://db/workbench" })).toThrow(/DATABASE_URL/);
    expect(() => configFromEnv({ REDIS_URL: "db:6379" })).toThrow(/REDIS_URL/);
  });

  it("is documented: README names every variable the server reads", () => {
    const readme = readFileSync(`${REPO_ROOT}/README.md`, "utf8");
    const missing = Object.keys(ServerEnv.properties).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
