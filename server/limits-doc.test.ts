import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_SERVER_LIMITS, serverLimitsFromEnv } from "./limits.js";

const doc = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), "utf8");

describe("README's limits for a class", () => {
  it("README lists every server limit and TRUST_PROXY", () => {
    const readme = doc("README.md");
    expect(Object.keys(DEFAULT_SERVER_LIMITS).filter((k) => !readme.includes(`WB_${k}`))).toEqual([]);
    expect(readme).toContain("TRUST_PROXY");
  });
});

describe("serverLimitsFromEnv", () => {
  it("reads WB_ overrides, allows 0 only where it means off, and refuses nonsense", () => {
    expect(serverLimitsFromEnv({ WB_SPECTATORS_PER_ADDRESS: "120", WB_SHARE_UNOPENED_TTL_DAYS: "0" })).toMatchObject({
      SPECTATORS_PER_ADDRESS: 120,
      SHARE_UNOPENED_TTL_DAYS: 0,
    });
    expect(() => serverLimitsFromEnv({ WB_SESSIONS: "0" })).toThrow(/WB_SESSIONS must be a positive number/);
    expect(() => serverLimitsFromEnv({ WB_SHARE_STORAGE_BYTES: "lots" })).toThrow(/WB_SHARE_STORAGE_BYTES/);
  });
});
