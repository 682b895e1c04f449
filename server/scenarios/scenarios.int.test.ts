import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../paths.js";
import { Supervisor } from "../sandbox/supervisor.js";
import { testLimits } from "../sandbox/test/run-program.js";
import { loadScenarios } from "./loader.js";
import { defaultParams } from "./params.js";
import { observedTopology, runScenario } from "./testing/observed.js";
import { expectedTopology } from "./topology.js";

const scenarios = loadScenarios(`${REPO_ROOT}/scenarios`);
/** Short runs; sparse traffic is made denser so every actor surely handles a message within them. */
const OVERRIDES: Record<string, Record<string, number>> = { "weather-pub-sub": { rate: 200 } };
const DURATION_S = 1.5;

let supervisor: Supervisor;
beforeAll(async () => {
  supervisor = await Supervisor.create({ driver: process.env.SANDBOX ?? "auto", limits: testLimits({ CONCURRENT_RUNS: 2, WARM_POOL_SIZE: 2 }) });
});
afterAll(() => supervisor?.close());

describe("the scenario catalogue", () => {
  it("has at least ten scenarios, each with a distinct id", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });
});

describe.concurrent("each scenario runs in the sandbox and draws the topology it declares", () => {
  it.each(scenarios.map((s) => [s.id, s] as const))(
    "%s",
    async (_id, scenario) => {
      const values = { ...defaultParams(scenario), duration: DURATION_S, ...OVERRIDES[scenario.id] };
      const run = await runScenario(supervisor, scenario, values, 10_000);
      expect(run.exit.reason, `${run.exit.message}\n${run.stderr}`).toBe("ok");
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain("The demo ended after");

      const expected = expectedTopology(scenario, values);
      const seen = observedTopology(run.events);
      for (const actor of expected.present) expect(seen.kinds[actor], `socket kinds of ${actor}`).toEqual([...new Set(expected.kinds[actor])]);
      const seenEdges = new Set(seen.edges.map((e) => `${e.from} → ${e.to}`));
      for (const edge of expected.edges) expect(seenEdges, `${edge.from} connects to ${edge.to} at ${edge.endpoint}`).toContain(`${edge.from} → ${edge.to}`);
      for (const actor of expected.present) {
        const traffic = seen.traffic[actor] ?? { sent: 0, received: 0 };
        expect(traffic.sent + traffic.received, `messages through ${actor}`).toBeGreaterThan(0);
      }
    },
    30_000,
  );
});
