import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { transpileProgram } from "../../server/sandbox/transpile.js";
import { REPO_ROOT } from "../../server/paths.js";
import { scenarioToProgram } from "../../server/scenarios/codegen/program.js";
import { parseScenario } from "../../server/scenarios/loader.js";
import { defaultParams } from "../../server/scenarios/params.js";
import type { Scenario } from "../../protocol/scenarios.js";
import type { ControlMessage } from "./control.js";

/**
 * The program side of live controls, end to end: a generated program runs in plain Node on real zeromq sockets
 * (inproc, so no ports), and a harness delivers control messages the way the runner will, as CustomEvents on
 * `globalThis.__zmqWorkbenchControl`. Each printed line carries the ms since start, so effects can be timed.
 */
const fixture = (tasks: string, results: string) =>
  parseScenario(
    `title: Control fixture
summary: A source, workers and a sink over inproc, to test live controls.
params:
  rate: { label: Tasks per second, type: number, default: 20, min: 1, max: 1000 }
  workers: { label: Workers, type: number, default: 1, min: 0, max: 4 }
  duration: { label: Seconds, type: number, default: 1, min: 1, max: 60 }
actors:
  - name: sink
    socket: { type: PULL, bind: "${results.replace("127.0.0.1", "*")}" }
    receive: { print: each }
  - name: worker
    replicas: $workers
    sockets:
      input: { type: PULL, connect: "${tasks}" }
      output: { type: PUSH, connect: "${results}" }
    work: { delayMs: 0, payload: "{request} by {actor}" }
  - name: source
    socket: { type: PUSH, bind: "${tasks.replace("127.0.0.1", "*")}" }
    send: { rate: $rate, payload: "task {n}" }
`,
    "scenarios/control-fixture.yaml",
  );

/** Control messages go out at `at` ms after the sink's first line, so a slow start under load does not shift them. */
const HARNESS = `
const t0 = performance.now();
const print = console.log;
let started = false;
console.log = (...args) => {
  print(Math.round(performance.now() - t0), ...args);
  if (!started && String(args[0]).startsWith("sink:")) started = schedule();
};
const target = (globalThis.__zmqWorkbenchControl = new EventTarget());
function schedule() {
  for (const { at, message } of JSON.parse(process.argv[2])) {
    setTimeout(() => {
      console.log("control", JSON.stringify(message));
      target.dispatchEvent(new CustomEvent("control", { detail: message }));
    }, at);
  }
  return true;
}
await import("./main.js");
`;

const cacheDir = join(REPO_ROOT, "node_modules/.cache");
mkdirSync(cacheDir, { recursive: true });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Writes the scenario's program, transpiled as the sandbox would, next to the harness; resolves to its folder. */
async function prepare(scenario: Scenario, durationS: number): Promise<string> {
  const dir = mkdtempSync(join(cacheDir, "zmq-wb-live-control-"));
  dirs.push(dir);
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  writeFileSync(join(dir, "harness.mjs"), HARNESS);
  const { files } = scenarioToProgram(scenario, { ...defaultParams(scenario), duration: durationS });
  for (const [name, code] of Object.entries(await transpileProgram({ ...files, "package.json": '{ "type": "module" }' }))) {
    const target = join(dir, name.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  return dir;
}
const inproc = prepare(fixture("inproc://tasks", "inproc://results"), 2);
// A port of its own, as other test files run programs on the host's loopback at the same time.
const port = 20_000 + Math.floor(Math.random() * 20_000);
// Reconnecting takes retries of 100 ms, so this run lasts longer.
const tcp = prepare(fixture(`tcp://127.0.0.1:${port}`, `tcp://127.0.0.1:${port + 1}`), 2.5);

/** A run's sink lines as [ms, text], and when each control message was actually delivered (timers run late under load). */
interface Observed {
  lines: Array<[number, string]>;
  delivered: number[];
}

async function runWith(schedule: Array<{ at: number; message: ControlMessage }>, program = inproc): Promise<Observed> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ["harness.mjs", JSON.stringify(schedule)], { cwd: await program, timeout: 10_000 });
  expect(stderr).toBe("");
  const parsed = stdout
    .split("\n")
    .map((line) => /^(\d+) (sink:|control) (.*)$/.exec(line))
    .filter((m) => m !== null);
  return {
    lines: parsed.filter((m) => m[2] === "sink:").map((m) => [Number(m[1]), m[3]]),
    delivered: parsed.filter((m) => m[2] === "control").map((m) => Number(m[1])),
  };
}
const between = ({ lines }: Observed, from: number, to: number) => lines.filter(([t]) => t >= from && t < to);
/** Messages already on their way when a control arrives may still land this soon after it. */
const SETTLE_MS = 30;

describe.concurrent("a generated program reacts to control messages", () => {
  it("applies a new rate at once", async () => {
    const run = await runWith([{ at: 400, message: { action: "set-param", name: "rate", value: 200 } }]);
    const [changed] = run.delivered;
    const before = between(run, changed - 400, changed).length / 0.4;
    const after = between(run, changed + 100, changed + 700).length / 0.6;
    expect(before).toBeLessThan(40);
    expect(after).toBeGreaterThan(4 * before);
  });

  it("starts and stops replicas when their param changes", async () => {
    const run = await runWith([
      { at: 300, message: { action: "set-param", name: "workers", value: 3 } },
      { at: 800, message: { action: "set-param", name: "workers", value: 1 } },
    ]);
    const [up, down] = run.delivered;
    const workersIn = (from: number, to: number) => new Set(between(run, from, to).map(([, text]) => text.split(" by ")[1]));
    expect(workersIn(0, up)).toEqual(new Set(["worker-1"]));
    expect(workersIn(up + 100, down)).toEqual(new Set(["worker-1", "worker-2", "worker-3"]));
    expect(workersIn(down + SETTLE_MS, Infinity)).toEqual(new Set(["worker-1"]));
  });

  // inproc never reconnects to a socket bound anew, so the actor killed here is one that connects.
  it("kill closes an actor's sockets and stops it; restart opens them again", async () => {
    const run = await runWith([
      { at: 300, message: { action: "actor", actor: "worker-1", op: "kill" } },
      { at: 700, message: { action: "actor", actor: "worker", op: "restart" } },
    ]);
    const [killed, restarted] = run.delivered;
    expect(between(run, 0, killed).length).toBeGreaterThan(0);
    expect(between(run, killed + SETTLE_MS, restarted)).toEqual([]);
    expect(between(run, restarted + 300, Infinity).length).toBeGreaterThan(0);
  });

  it("restarts an actor that binds over inproc together with the actors connected to it, so traffic flows again", async () => {
    const run = await runWith([
      { at: 300, message: { action: "actor", actor: "sink", op: "kill" } },
      { at: 700, message: { action: "actor", actor: "sink", op: "restart" } },
    ]);
    const [killed, restarted] = run.delivered;
    const seen = JSON.stringify(run);
    expect(between(run, killed + SETTLE_MS, restarted), seen).toEqual([]);
    expect(between(run, restarted, Infinity).length, seen).toBeGreaterThan(0);
  });

  it("restarts an actor that binds over tcp: it binds again and its peers reconnect", async () => {
    const run = await runWith(
      [
        { at: 300, message: { action: "actor", actor: "sink", op: "kill" } },
        { at: 700, message: { action: "actor", actor: "sink", op: "restart" } },
      ],
      tcp,
    );
    const [killed, restarted] = run.delivered;
    const seen = JSON.stringify(run);
    expect(between(run, 0, killed).length, seen).toBeGreaterThan(0);
    expect(between(run, killed + SETTLE_MS, restarted), seen).toEqual([]);
    expect(between(run, restarted, Infinity).length, seen).toBeGreaterThan(0);
  });

  it("pause stops an actor's loop without closing its sockets; resume carries on where it stopped", async () => {
    const run = await runWith([
      { at: 300, message: { action: "actor", actor: "source", op: "pause" } },
      { at: 700, message: { action: "actor", actor: "source", op: "resume" } },
    ]);
    const [paused, resumed] = run.delivered;
    const task = ([, text]: [number, string]) => Number(/^task (\d+)/.exec(text)?.[1]);
    const beforePause = between(run, 0, paused + SETTLE_MS).map(task);
    expect(between(run, paused + SETTLE_MS, resumed)).toEqual([]);
    const afterResume = between(run, resumed, Infinity).map(task);
    expect(afterResume[0]).toBe(beforePause.reduce((a, b) => Math.max(a, b), -Infinity) + 1);
  });
});
