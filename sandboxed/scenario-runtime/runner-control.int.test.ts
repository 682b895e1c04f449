import { describe, expect, it } from "vitest";
import { runProgram } from "../runner/testing/run-program.js";
import { scenarioToProgram } from "../../server/scenarios/codegen/program.js";
import { parseScenario } from "../../server/scenarios/loader.js";
import { defaultParams } from "../../server/scenarios/params.js";

/**
 * Live controls through the real runner: the job's params and `control` lines on the channel reach the generated
 * program via `globalThis.__zmqWorkbenchParams` and `__zmqWorkbenchControl`, and the trace shows the effect.
 * Only the supervisor's hop (a run/control WebSocket message → a control line) is outside this test.
 */
const SCENARIO = parseScenario(
  `title: Runner control fixture
summary: A source, workers and a sink over inproc, driven through the runner.
params:
  rate: { label: Tasks per second, type: number, default: 20, min: 1, max: 1000 }
  workers: { label: Workers, type: number, default: 1, min: 0, max: 4 }
  duration: { label: Seconds, type: number, default: 1.5, min: 1, max: 60 }
actors:
  - name: sink
    socket: { type: PULL, bind: "inproc://results" }
    receive: { print: none }
  - name: worker
    replicas: $workers
    sockets:
      input: { type: PULL, connect: "inproc://tasks" }
      output: { type: PUSH, connect: "inproc://results" }
    work: { delayMs: 0 }
  - name: source
    socket: { type: PUSH, bind: "inproc://tasks" }
    send: { rate: $rate, payload: "task {n}" }
`,
  "scenarios/runner-control.yaml",
);

describe("a generated program in the real runner", () => {
  it("starts with the job's params and obeys control lines: more workers, then the sink killed", async () => {
    const program = scenarioToProgram(SCENARIO, defaultParams(SCENARIO));
    const run = await runProgram(program.files, {
      entry: program.entry,
      params: { rate: 50 },
      control: [
        { afterMs: 500, message: { action: "set-param", name: "workers", value: 3 } },
        { afterMs: 900, message: { action: "actor", actor: "sink", op: "kill" } },
      ],
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const opened = run.events.filter((e) => e.type === "socket/open");
    const sites = (file: string) => opened.filter((e) => e.site?.startsWith(`${file}.ts:`));
    expect(sites("worker")).toHaveLength(6);
    const closedAt = (socket: string) => run.events.find((e) => e.type === "socket/close" && e.socket === socket)?.t ?? Infinity;
    const [sink, source] = [sites("sink")[0].socket, sites("source")[0].socket];
    // Killed mid-run: its socket closes well before the others close at the end of the demo.
    expect(closedAt(sink)).toBeLessThan(closedAt(source) - 300);
    expect(run.stdout).toContain("The demo ended after");
    const sent = run.totals[source].sent;
    // 50 a second from the job's params, not the default 20, over about 1.5 s.
    expect(sent).toBeGreaterThan(50);
  });
});
