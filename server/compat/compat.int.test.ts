import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Supervisor } from "../sandbox/supervisor.js";
import { bwrapSkipReason, testLimits } from "../sandbox/test/run-program.js";
import { CASE_WALL_MS, loadCases, type RunSummary } from "./compat-case.js";
import { runRaw } from "./raw-run.js";
import { runSandboxed, traceTail } from "./sandbox-run.js";

const skipReason = await bwrapSkipReason();
const cases = loadCases();
/** Cases run a few at a time: each is one raw node process and one sandbox at once. */
const CONCURRENT_CASES = 3;

// Programs in the shapes of zeromq.js's examples and the Guide's Node.js ports, each run with plain node and in the
// workbench's sandbox: same output, same sockets, same message totals. The raw runs share the host's network, so the
// programs use fixed ports 27000–27299, below Linux's ephemeral range (32768–60999): a port in that range can be
// taken at any moment by an outgoing connection of anything else on the machine (it once failed with EADDRINUSE).
vi.setConfig({ maxConcurrency: CONCURRENT_CASES });

describe.skipIf(skipReason !== undefined)("programs run unchanged in the workbench", { concurrent: true, timeout: 2 * CASE_WALL_MS + 10_000 }, () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({
      driver: "bwrap",
      limits: testLimits({ CONCURRENT_RUNS: CONCURRENT_CASES, WARM_POOL_SIZE: CONCURRENT_CASES, RUN_WALL_MS: CASE_WALL_MS }),
    });
  });
  afterAll(async () => {
    await supervisor?.close();
  });

  it("has at least twenty programs", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const test of cases) {
    it(test.name, async () => {
      const [raw, sandboxed] = await Promise.all([runRaw(test), runSandboxed(supervisor, test)]);
      expect(raw.exitCode, `the raw run must end normally; its stderr:\n${raw.stderr}`).toBe(0);
      const same = ({ stdout, exitCode, kinds, totals }: RunSummary): RunSummary => ({ stdout, exitCode, kinds, totals });
      expect(same(sandboxed), traceTail(sandboxed.message, sandboxed.events)).toEqual(same(raw));
    });
  }
});
