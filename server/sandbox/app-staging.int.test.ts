import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pruneStaleStagings, STAGING_ROOT, stageApp } from "./app-staging.js";
import { Supervisor } from "./supervisor.js";
import { testLimits } from "./test/run-program.js";

const HOUR_MS = 60 * 60_000;

/** A pid no process has any more: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

describe("app staging", () => {
  let root: string;
  let sources: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "zmq-wb-staging-test-"));
    sources = mkdtempSync(join(tmpdir(), "zmq-wb-staging-src-"));
    mkdirSync(join(sources, "runner"));
    writeFileSync(join(sources, "runner", "runner.mjs"), "// the runner\n");
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(sources, { recursive: true, force: true });
  });

  it("stages a folder of its own per server, named by its pid, and removes it when asked", () => {
    const first = stageApp([{ from: join(sources, "runner"), as: "runner" }], root);
    const second = stageApp([{ from: join(sources, "runner"), as: "runner" }], root);
    expect(first.root).not.toBe(second.root);
    expect(first.root).toMatch(new RegExp(`app-${process.pid}-[a-z0-9]+$`));
    expect(existsSync(join(first.root, "runner", "runner.mjs"))).toBe(true);
    first.remove();
    expect(existsSync(first.root)).toBe(false);
    expect(existsSync(second.root)).toBe(true);
    second.remove();
    expect(readdirSync(root)).toEqual([]);
  });

  it("removes its staging when its process ends without closing (an uncaught error)", () => {
    const module = join(import.meta.dirname, "app-staging.ts");
    const script = `const { stageApp } = await import(${JSON.stringify(module)});
      const staged = stageApp([{ from: ${JSON.stringify(join(sources, "runner"))}, as: "runner" }], ${JSON.stringify(root)});
      console.log(staged.root);
      throw new Error("the server crashed");`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.status).not.toBe(0);
    const staged = child.stdout.trim();
    expect(staged.startsWith(root)).toBe(true);
    expect(existsSync(staged)).toBe(false);
  });

  it("prunes only stale stagings of servers that are gone, owned by this user", () => {
    const old = (Date.now() - 2 * HOUR_MS) / 1000;
    const make = (name: string, aged = true, uid?: number) => {
      const path = join(root, name);
      mkdirSync(join(path, "runner"), { recursive: true });
      if (uid !== undefined) chownSync(path, uid, uid);
      if (aged) utimesSync(path, old, old);
      return name;
    };
    const gone = deadPid();
    const crashed = make(`app-${gone}-abc123`);
    const legacy = make("app-0123456789abcdef");
    const leftScratch = make(`app-0123456789abcdef.tmp-${gone}-xyz`);
    const alive = make(`app-${process.pid}-live01`);
    const fresh = make(`app-${gone}-new001`, false);
    const other = make("something-else");
    const notOurs = process.getuid?.() === 0 ? make(`app-${gone}-theirs`, true, 54321) : undefined;
    const removed = pruneStaleStagings(HOUR_MS, root);
    expect(removed).toEqual([crashed]);
    // An older server's shared staging has no pid to tell whether it is still in use: never removed.
    expect(readdirSync(root).sort()).toEqual([legacy, leftScratch, alive, fresh, other, ...(notOurs ? [notOurs] : [])].sort());
  });

  it("prunes nothing when the staging root does not exist yet", () => {
    expect(pruneStaleStagings(HOUR_MS, join(root, "missing"))).toEqual([]);
  });
});

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
