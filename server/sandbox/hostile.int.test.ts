import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Supervisor } from "./supervisor.js";
import { REPO_ROOT } from "../paths.js";
import * as hostile from "./test/hostile-programs.js";
import { bwrapSkipReason, hostProcessesWith, printed, runProgram, testLimits, waitFor } from "./test/run-program.js";

const APP_DIR = REPO_ROOT;
const skipReason = await bwrapSkipReason();
const OUTPUT_TEST_BYTES = 16 * 1024;
const HOST_ENV_SECRET = "WB_HOSTILE_TEST_SECRET";
process.env[HOST_ENV_SECRET] = "the-host-environment-must-not-leak";

// Hostile programs against the real bwrap sandbox and real zeromq; each asserts the verdict and that the host is untouched.
describe.skipIf(skipReason !== undefined)("hostile programs in the bwrap sandbox", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    // A small output limit: a tight write loop never yields, so Node queues stdout in memory after the first 64 KiB
    // pipe buffer; with the default limit such a flood ends as "memory" before the output limit is seen.
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ OUTPUT_BYTES: OUTPUT_TEST_BYTES, OUTPUT_BYTES_PER_MINUTE: 0 }) });
  });
  afterAll(async () => {
    await supervisor?.close();
  });

  it("stops a busy loop at the wall-time limit", async () => {
    const { exit } = await runProgram(supervisor, hostile.busyLoop, { timeoutMs: 1000 });
    expect(exit).toMatchObject({ reason: "timeout", limit: "wall-time" });
  });

  it("stops a microtask loop that starves the event loop", async () => {
    const { exit } = await runProgram(supervisor, hostile.microtaskLoop, { timeoutMs: 1000 });
    expect(exit).toMatchObject({ reason: "timeout", limit: "wall-time" });
  });

  it("ends a heap bomb with the memory verdict", async () => {
    const { exit } = await runProgram(supervisor, hostile.heapBomb, { timeoutMs: 20_000 });
    expect(exit).toMatchObject({ reason: "memory", limit: "memory" });
  });

  it("ends a Buffer bomb (outside the V8 heap) with the memory verdict", async () => {
    const { exit } = await runProgram(supervisor, hostile.bufferBomb, { timeoutMs: 20_000 });
    expect(exit).toMatchObject({ reason: "memory", limit: "memory" });
  });

  it("cannot read host files, the app, or the host's environment", async () => {
    const outcome = await runProgram(supervisor, hostile.readHostFiles(join(APP_DIR, "package.json")));
    const seen = printed<Record<string, { ok: boolean; text?: string }> & { root: string[] }>(outcome);
    expect(seen.shadow.ok).toBe(false);
    expect(seen.app.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain(HOST_ENV_SECRET);
    expect(seen.cmdline.ok).toBe(true);
    expect(seen.cmdline.text).toContain("/app/runner/");
    expect(JSON.stringify(outcome)).not.toContain(`${APP_DIR}/`);
    // "app" only holds the runner bundle and the runtime packages; the host folder names stay hidden.
    // etc/ holds only the run's own hosts file, so that localhost resolves.
    expect(seen.root.filter((d) => !["bin", "dev", "etc", "lib", "lib64", "proc", "tmp", "usr", "app"].includes(d))).toEqual([]);
    expect(outcome.exit.reason).toBe("ok");
  });

  it("cannot write outside the sandbox", async () => {
    const marker = `wb-hostile-${process.pid}-${Date.now()}`;
    const hostTmp = `/tmp/${marker}`;
    const inApp = join(APP_DIR, `${marker}.txt`);
    const outcome = await runProgram(supervisor, hostile.writeOutside([hostTmp, inApp, `/usr/${marker}`, `/etc/${marker}`]));
    const results = printed<Record<string, string>>(outcome);
    try {
      expect(existsSync(hostTmp)).toBe(false);
      expect(existsSync(inApp)).toBe(false);
      expect(existsSync(`/usr/${marker}`)).toBe(false);
      expect(results[hostTmp]).toBe("written"); // into the sandbox's own /tmp, gone with it
      expect(results[`/usr/${marker}`]).toBe("EROFS");
    } finally {
      for (const p of [hostTmp, inApp]) rmSync(p, { force: true });
    }
  });

  it("has no network beyond its own loopback (net and zeromq)", async () => {
    const seen = printed<{ tcp: string; zeromq: string; interfaces: string[] }>(await runProgram(supervisor, hostile.networkEgress));
    expect(seen.tcp).toBe("ENETUNREACH");
    expect(seen.zeromq).toBe("EAGAIN"); // nothing ever connected, so the send timed out
    expect(seen.interfaces).toEqual(["lo"]);
  });

  it("reports process.exit(3) as an error with code 3", async () => {
    const { exit } = await runProgram(supervisor, hostile.exitThree);
    expect(exit).toMatchObject({ reason: "error", code: 3 });
    expect(exit.message).toContain("3");
  });

  it("leaves no process behind after spawning hundreds and detaching some", async () => {
    const marker = `wb-swarm-${process.pid}-${Date.now()}`;
    const outcome = await runProgram(supervisor, hostile.processSwarm(marker), { timeoutMs: 8000 });
    const { started, refused } = printed<{ started: number; refused: number }>(outcome);
    expect(started + refused).toBe(300);
    expect(refused).toBeGreaterThan(0); // the task limit said no
    expect(await waitFor(() => hostProcessesWith(marker).length === 0, 2000)).toBe(true);
  });

  it("stops the 5,000th socket long before libzmq runs out of descriptors", async () => {
    const { exit, stdout } = await runProgram(supervisor, hostile.manySockets);
    expect(exit).toMatchObject({ reason: "limit", limit: "sockets" });
    expect(exit.message).toMatch(/socket limit/);
    expect(stdout).not.toContain("all 5000 opened");
  });

  it("truncates an output flood and stops it", async () => {
    const { exit, stdout, stderr } = await runProgram(supervisor, hostile.outputFlood);
    expect(exit).toMatchObject({ reason: "limit", limit: "output" });
    expect(stdout.length).toBeLessThanOrEqual(OUTPUT_TEST_BYTES);
    expect(stderr).toContain("output truncated");
  });

  it("names a misspelled option instead of crashing", async () => {
    const { exit } = await runProgram(supervisor, hostile.misspelledOption);
    expect(exit.reason).toBe("error");
    expect(exit.message).toMatch(/lingr/);
    expect(exit.signal).toBeUndefined();
    expect(exit.code).toBe(1);
  });

  it("ends 1 GiB messages cleanly with the memory or message-size verdict", async () => {
    const { exit, stdout } = await runProgram(supervisor, hostile.hugeMessages, { timeoutMs: 20_000 });
    expect(["memory", "limit"]).toContain(exit.reason);
    if (exit.reason === "limit") expect(exit.limit).toBe("message-size");
    expect(stdout).not.toContain("sent 4 GiB");
  });

  it("stops a program that ignores SIGTERM", async () => {
    const outcome = await runProgram(supervisor, hostile.ignoresSigterm, {
      timeoutMs: 10_000,
      onTicket: (ticket, events) => void waitFor(() => events.some((e) => e.type === "console"), 5000).then(() => ticket.stop("stop")),
    });
    expect(outcome.exit).toMatchObject({ reason: "killed" });
    expect(outcome.exit.t).toBeLessThan(6000);
  });
});

describe.skipIf(process.env.WB_TEST_SKIP_CGROUPS === "1")("the none driver (WB_TEST_SKIP_CGROUPS=1 skips)", () => {
  it("still kills every process of a run through its cgroup", async () => {
    const supervisor = await Supervisor.create({ driver: "none", limits: testLimits({ WARM_POOL_SIZE: 0 }) });
    try {
      if (typeof supervisor.cgroups === "string") throw new Error(`this test needs writable cgroups: ${supervisor.cgroups}`);
      const marker = `wb-none-swarm-${process.pid}-${Date.now()}`;
      await runProgram(supervisor, hostile.processSwarm(marker), { timeoutMs: 8000 });
      expect(await waitFor(() => hostProcessesWith(marker).length === 0, 2000)).toBe(true);
    } finally {
      await supervisor.close();
    }
  });
});

describe.skipIf(skipReason !== undefined)("the CPU-time backstop", () => {
  let supervisor: Supervisor;
  beforeAll(async () => (supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ RUN_CPU_S: 3, WARM_POOL_SIZE: 0 }) })));
  afterAll(() => supervisor?.close());

  it("stops a busy loop by CPU time when the wall time would still allow it", async () => {
    // A generous wall limit: on a loaded machine 3 CPU seconds can take many wall seconds; only the CPU limit may stop it.
    const { exit, stderr } = await runProgram(supervisor, hostile.busyLoop, { timeoutMs: 170_000 });
    expect(exit, exit.message + stderr).toMatchObject({ reason: "timeout", limit: "cpu-time" });
  }, 180_000);
});
