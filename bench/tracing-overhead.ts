// Throughput of the traced zeromq module against raw zeromq.js, side by side in one runner process (no sandbox):
// the same flood alternates between both every round, and the ratio is the median of the per-round ratios.
import { runProgram } from "../sandboxed/runner/testing/run-program.js";
import { runIfMain } from "./sandbox-common.js";
import { summarize, type Benchmark, type BenchResult, type Comparison, type Figure } from "./types.js";

const ROUNDS = 11;
const SMALL_MESSAGES = 100_000;
const BIG_MESSAGES = 64;
const BIG_ELEMENTS = 1 << 20; // Float64Array of 8 MiB

const PROGRAM = `
import * as traced from "zeromq";
import * as raw from "zeromq/lib/index.js";

async function flood(zmq, endpoint, count, makeMessage) {
  const pull = new zmq.Pull({ linger: 0 });
  await pull.bind(endpoint);
  const push = new zmq.Push({ linger: 0 });
  push.connect(pull.lastEndpoint);
  const started = performance.now();
  const receiving = (async () => { for (let i = 0; i < count; i++) await pull.receive(); })();
  for (let i = 0; i < count; i++) await push.send(makeMessage(i));
  await receiving;
  const seconds = (performance.now() - started) / 1000;
  push.close();
  pull.close();
  return count / seconds;
}

const small = Buffer.alloc(64, 7);
const cases = {
  inproc: (zmq, round) => flood(zmq, "inproc://flood-" + round, ${SMALL_MESSAGES}, () => small),
  tcp: (zmq) => flood(zmq, "tcp://127.0.0.1:*", ${SMALL_MESSAGES}, () => small),
  big: (zmq) => flood(zmq, "tcp://127.0.0.1:*", ${BIG_MESSAGES}, () => new Float64Array(${BIG_ELEMENTS})),
};
const results = {};
for (const name of Object.keys(cases)) results[name] = { traced: [], raw: [] };
await cases.inproc(raw, "warm"); await cases.inproc(traced, "warm-t");
for (let round = 0; round < ${ROUNDS}; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const order = round % 2 === 0 ? [["traced", traced], ["raw", raw]] : [["raw", raw], ["traced", traced]];
    for (const [which, zmq] of order) {
      process.stderr.write(round + " " + name + " " + which + "\\n");
      results[name][which].push(await run(zmq, round + which));
    }
  }
}
console.log(JSON.stringify(results));
`;

type Samples = Record<"inproc" | "tcp" | "big", { traced: number[]; raw: number[] }>;

const CASES = [
  { key: "inproc", label: "64 B inproc flood", unit: "msg/s", target: 0.8 },
  { key: "tcp", label: "64 B tcp flood", unit: "msg/s", target: 0.8 },
  { key: "big", label: "8 MiB Float64Array over tcp", unit: "msg/s", target: 0.95 },
] as const;

const bench: Benchmark = {
  name: "tracing overhead",
  expectedSeconds: 25,
  async run(): Promise<BenchResult> {
    const run = await runProgram(
      { "main.js": PROGRAM },
      { timeoutMs: 180_000, limits: { maxMessageBytes: 64 << 20, maxMessageEvents: 5_000, maxEventsPerSecond: 5_000 } },
    );
    if (run.code !== 0)
      throw new Error(`the benchmark program failed (code ${run.code}, signal ${run.signal}): ${run.uncaught?.message ?? run.stderr.slice(-300)}`);
    const samples = JSON.parse(run.stdout) as Samples;
    const figures: Figure[] = [];
    const comparisons: Comparison[] = [];
    for (const c of CASES) {
      const traced = summarize(`traced ${c.label}`, c.unit, samples[c.key].traced);
      const raw = summarize(`raw ${c.label}`, c.unit, samples[c.key].raw);
      figures.push(traced, raw);
      // Paired by round: both sides of one round ran back to back, so load that drifts over the run cancels out.
      const ratio = summarize(
        "",
        "",
        samples[c.key].traced.map((t, i) => t / samples[c.key].raw[i]),
      ).median;
      comparisons.push({ name: `traced/raw ${c.label}`, ratio, target: `>= ${c.target}`, met: ratio >= c.target });
    }
    return {
      figures,
      comparisons,
      notes: [
        `one runner process (no sandbox), ${ROUNDS} alternating rounds; ${SMALL_MESSAGES} small / ${BIG_MESSAGES} large messages per round, awaited sends, concurrent receive`,
        `production-like budget: the first 5000 messages get full events (fingerprints, previews), then 1 in 1000; ${run.events.length} events were sent on the telemetry channel`,
      ],
    };
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
