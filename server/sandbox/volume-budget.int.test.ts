import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetAt } from "./limits.js";
import { Supervisor } from "./supervisor.js";
import { runProgram, testLimits } from "./test/run-program.js";

describe("a volume budget", () => {
  it("gives the burst at once, then its allowance per minute", () => {
    expect(budgetAt(1000, 600, 0)).toBe(1000);
    expect(budgetAt(1000, 600, 30_000)).toBe(1300);
    expect(budgetAt(1000, 0, 3_600_000)).toBe(1000);
  });
});

/** Prints `bytesPerTick` every 100 ms for `seconds`, then says it finished. */
const steadyPrinter = (bytesPerTick: number, seconds: number) => `
const line = "x".repeat(${bytesPerTick - 1});
for (let i = 0; i < ${seconds * 10}; i++) {
  console.log(line);
  await new Promise((r) => setTimeout(r, 100));
}
console.log("finished");`;

describe("output over a long run", () => {
  let supervisor: Supervisor;
  // A 4 KiB burst and 10 KiB a second: small enough that a few seconds show both sides of the budget.
  beforeAll(
    async () => (supervisor = await Supervisor.create({ driver: "auto", limits: testLimits({ OUTPUT_BYTES: 4096, OUTPUT_BYTES_PER_MINUTE: 600 * 1024 }) })),
  );
  afterAll(() => supervisor?.close());

  it("lets a program that prints steadily go on past the burst, as a classroom demo does", async () => {
    const { exit, stdout } = await runProgram(supervisor, steadyPrinter(300, 3));
    expect(exit.reason, exit.message).toBe("ok");
    expect(stdout.length).toBeGreaterThan(4096 * 2);
    expect(stdout).toContain("finished");
  });

  it("still stops a program that prints faster than the allowance", async () => {
    const { exit, stdout, stderr } = await runProgram(supervisor, steadyPrinter(8000, 3));
    expect(exit).toMatchObject({ reason: "limit", limit: "output" });
    expect(stdout).not.toContain("finished");
    expect(stderr).toContain("output truncated");
  });
});
