import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunRefused, Supervisor } from "./supervisor.js";
import { pingPong } from "./test/hostile-programs.js";
import { bwrapSkipReason, hostProcessesWith, runProgram, testLimits, waitFor } from "./test/run-program.js";

const skipReason = await bwrapSkipReason();

describe.skipIf(skipReason !== undefined)("supervisor with the bwrap sandbox", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ CONCURRENT_RUNS: 3, QUEUE_LENGTH: 2 }) });
  });
  afterAll(async () => {
    await supervisor?.close();
  });

  it("lets two runs at once both bind tcp://127.0.0.1:5555 (each has its own loopback)", async () => {
    const [a, b] = await Promise.all([runProgram(supervisor, pingPong(5555, 300)), runProgram(supervisor, pingPong(5555, 300))]);
    expect(a.exit.reason, a.exit.message + a.stderr).toBe("ok");
    expect(b.exit.reason, b.exit.message + b.stderr).toBe("ok");
    expect(a.stdout).toContain("done 300");
    expect(b.stdout).toContain("done 300");
  });

  it("reports a runner killed with SIGKILL mid-traffic and keeps serving other runs", async () => {
    const title = `wb-victim-${process.pid}-${Date.now()}`;
    const other = runProgram(supervisor, pingPong(6000, 2000));
    const victim = runProgram(supervisor, pingPong(6000, 10_000_000, title), {
      timeoutMs: 15_000,
      onTicket: (_ticket, events) => {
        void waitFor(() => events.some((e) => e.type === "message/send"), 5000).then(() => {
          for (const pid of hostProcessesWith(title)) process.kill(pid, "SIGKILL");
        });
      },
    });
    const { exit } = await victim;
    expect(exit.reason).toBe("error");
    expect(exit.message).toContain("SIGKILL");
    expect((await other).exit.reason).toBe("ok");
    expect((await runProgram(supervisor, pingPong(6000, 10))).exit.reason).toBe("ok");
  });

  it("queues runs beyond the concurrency cap and refuses beyond the queue", async () => {
    const sleepers = Array.from({ length: 5 }, () => runProgram(supervisor, "setTimeout(() => {}, 2000);"));
    expect(await waitFor(() => supervisor.runningCount === 3, 15_000)).toBe(true);
    await expect(runProgram(supervisor, "1")).rejects.toBeInstanceOf(RunRefused);
    for (const { exit } of await Promise.all(sleepers)) expect(exit.reason).toBe("ok");
  });

  it("refuses a program over the size limits before running anything", async () => {
    const small = await Supervisor.create({ driver: "bwrap", limits: testLimits({ PROGRAM_BYTES: 1024, WARM_POOL_SIZE: 0 }) });
    try {
      await expect(runProgram(small, `// ${"x".repeat(2000)}`)).rejects.toThrow("The program is 2 KiB; the limit is 1 KiB.");
    } finally {
      await small.close();
    }
  });
});
