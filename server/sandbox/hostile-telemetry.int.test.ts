import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { LessonCatalog } from "../lessons/catalog.js";
import { checkProgram } from "../lessons/check-program.js";
import { REPO_ROOT } from "../paths.js";
import { Supervisor } from "./supervisor.js";
import * as hostile from "./test/hostile-telemetry-programs.js";
import { bwrapSkipReason, runProgram, testLimits, type Outcome } from "./test/run-program.js";

const skipReason = await bwrapSkipReason();
/** Far above any pause a bounded run may cause, far below the minutes the unbounded handling took. */
const STALL_MS = 5_000;
/** Heavy programs on a shared 2-core machine: room for the machine, not for a stall (that is STALL_MS's job). */
const HEAVY_TEST_MS = 120_000;

const diagnostics = (outcome: Outcome) => outcome.events.filter((e): e is Extract<TraceEvent, { type: "diagnostic" }> => e.type === "diagnostic");
const forgedLines = (outcome: Outcome) => diagnostics(outcome).find((d) => d.code === "forged-telemetry");
const ofType = (outcome: Outcome, type: TraceEvent["type"]) => outcome.events.filter((e) => e.type === type);

/**
 * The most CPU time the server's process spent between two turns of its event loop while `work` ran: how long one
 * piece of its own work held the loop. CPU time, not wall time, so a machine busy with other work (whose scheduler
 * leaves this process waiting) does not count as a stall, while handling that really blocks the loop still does.
 */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let last = cpuMs();
  let stallMs = 0;
  const turn = setInterval(() => {
    const now = cpuMs();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, cpuMs() - last);
    return { result, stallMs };
  } finally {
    clearInterval(turn);
  }
}

// Each row of the telemetry attack table, against the real bwrap sandbox: the program writes to its own fd 3.
describe.skipIf(skipReason !== undefined)("hostile telemetry in the bwrap sandbox", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ RUN_WALL_MS: 20_000 }) });
  });
  afterAll(async () => {
    await supervisor?.close();
  });

  it("ignores a 10,000-deep option value, with or without a guessed key, and the server goes on", async () => {
    const outcome = await runProgram(supervisor, hostile.deepOptionValue);
    expect(outcome.exit.reason).toBe("ok");
    expect(ofType(outcome, "socket/option")).toEqual([]);
    expect(forgedLines(outcome)?.message).toMatch(/wrote 2 lines to the workbench's telemetry channel itself/);
    expect((await runProgram(supervisor, `console.log("still here")`)).stdout).toBe("still here\n");
  });

  it(
    "ignores a receive no send matches followed by 150,000 events, without stalling the server",
    async () => {
      const { result: outcome, stallMs } = await longestStall(() => runProgram(supervisor, hostile.heldEventFlood));
      expect(outcome.exit.reason).toBe("ok");
      expect(ofType(outcome, "message/recv")).toEqual([]);
      expect(forgedLines(outcome)?.message).toMatch(/wrote 301 lines/);
      expect(stallMs).toBeLessThan(STALL_MS);
    },
    HEAVY_TEST_MS,
  );

  it(
    "handles 6,000 real binds then 6,000 connects without stalling the server",
    async () => {
      const { result: outcome, stallMs } = await longestStall(() => runProgram(supervisor, hostile.bindsThenConnects(6_000), { timeoutMs: 60_000 }));
      expect(outcome.exit.reason).toBe("ok");
      expect(ofType(outcome, "socket/bind")).toHaveLength(6_000);
      expect(ofType(outcome, "socket/connect")).toHaveLength(6_000);
      expect(stallMs).toBeLessThan(STALL_MS);
    },
    HEAVY_TEST_MS,
  );

  it("ignores 1,000 forged connects and 1,000 forged binds to one endpoint", async () => {
    const { result: outcome, stallMs } = await longestStall(() => runProgram(supervisor, hostile.connectsThenBindsOneEndpoint));
    expect(outcome.exit.reason).toBe("ok");
    expect(ofType(outcome, "socket/bind")).toEqual([]);
    expect(forgedLines(outcome)).toBeDefined();
    expect(stallMs).toBeLessThan(STALL_MS);
  });

  it(
    "shows console text only from stdout and stderr: 30 MB of forged console events never reach the trace",
    async () => {
      const outcome = await runProgram(supervisor, hostile.consoleForgery);
      expect(outcome.stdout).toBe("forged\n");
      expect(JSON.stringify(outcome.events)).not.toContain("FORGED-CONSOLE");
      expect(forgedLines(outcome)?.message).toMatch(/wrote 340 lines/);
    },
    HEAVY_TEST_MS,
  );

  it("keeps the verdict of a clean exit after a forged wall-time (or sockets) limit report", async () => {
    const outcome = await runProgram(supervisor, hostile.forgedWallTimeUncaught);
    expect(outcome.exit).toMatchObject({ reason: "ok", code: 0 });
    expect(outcome.exit.limit).toBeUndefined();
  });

  it("does not call a program that only prints V8's out-of-memory line a memory failure", async () => {
    const outcome = await runProgram(supervisor, hostile.printsOutOfMemory);
    expect(outcome.exit).toMatchObject({ reason: "error", code: 1 });
  });

  it("fails the hello-req-rep check for a program with no sockets that forges the whole conversation", async () => {
    const catalog = new LessonCatalog(join(REPO_ROOT, "lessons"));
    const { result, events } = await checkProgram(supervisor, catalog, "hello-req-rep", { "main.js": hostile.forgedHelloReqRep }, "main.js");
    expect(result.status).toBe("fail");
    expect(events.filter((e) => e.type === "socket/open")).toEqual([]);
    const exit = events.find((e) => e.type === "run/exit");
    expect(exit).toMatchObject({ reason: "ok", totals: {} });
  });

  it(
    "traces a legitimate 20,000-frame message with a capped frame list and runs it to ok",
    async () => {
      const outcome = await runProgram(supervisor, hostile.twentyThousandFrames);
      expect(outcome.exit.reason).toBe("ok");
      expect(outcome.stdout).toContain("received 20000 frames");
      const send = ofType(outcome, "message/send")[0] as Extract<TraceEvent, { type: "message/send" }>;
      expect(send.frames).toHaveLength(64);
      expect(send.moreFrames).toBe(20_000 - 64);
      expect(Object.values(outcome.exit.totals)).toEqual(
        expect.arrayContaining([
          { sent: 1, received: 0 },
          { sent: 0, received: 1 },
        ]),
      );
    },
    HEAVY_TEST_MS,
  );

  it("takes worker telemetry only from the private port of a worker it started, and gives the program its workerData back", async () => {
    const outcome = await runProgram(supervisor, hostile.workerChannelForgery);
    expect(outcome.exit.reason).toBe("ok");
    expect(ofType(outcome, "socket/open")).toEqual([]);
    expect(outcome.exit.totals).toEqual({});
    expect(outcome.stdout).toBe('{"mine":1}\n');
  });
});
