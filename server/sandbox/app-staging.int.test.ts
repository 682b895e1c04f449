import { existsSync, mkdirSync, readdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STAGING_ROOT } from "./app-staging.js";
import { Supervisor } from "./supervisor.js";
import { testLimits } from "./test/run-program.js";

const ownStagings = () => readdirSync(STAGING_ROOT).filter((name) => name.startsWith(`app-${process.pid}-`));

describe("a supervisor's staging folder", () => {
  it("prunes a gone server's stale staging on start and removes its own on close", async () => {
    // A staging a killed server left: a pid no process has (above pid_max), two hours old.
    const left = join(STAGING_ROOT, "app-4999999-killed");
    mkdirSync(join(left, "runner"), { recursive: true });
    const old = (Date.now() - 2 * 60 * 60_000) / 1000;
    utimesSync(left, old, old);
    const supervisor = await Supervisor.create({ driver: "none", limits: testLimits({ WARM_POOL_SIZE: 0 }), cgroups: false });
    expect(existsSync(left)).toBe(false);
    const mine = ownStagings();
    expect(mine).toHaveLength(1);
    expect(existsSync(join(STAGING_ROOT, mine[0], "runner", "runner.mjs"))).toBe(true);
    await supervisor.close();
    expect(existsSync(join(STAGING_ROOT, mine[0]))).toBe(false);
  });
});
