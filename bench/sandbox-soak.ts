// 500 sequential runs through one supervisor: the server's open file count and RSS must stay flat (within 10%).
import { readdirSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Figure } from "./types.js";
import type { Benchmark, BenchResult } from "./types.js";
import { ROUND_TRIP, benchSupervisor, runIfMain, timedRun } from "./sandbox-common.js";

const RUNS = 500;
const WARMUP_RUNS = 25;
const SAMPLE_EVERY = 25;
const FLAT_RATIO = 1.1;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function snapshot(): { fds: number; rssMiB: number } {
  gc();
  return { fds: readdirSync("/proc/self/fd").length, rssMiB: process.memoryUsage().rss / 1024 / 1024 };
}

const figure = (name: string, unit: string, values: number[], last: number): Figure => ({
  name,
  unit,
  median: last,
  min: Math.min(...values),
  max: Math.max(...values),
});

const bench: Benchmark = {
  name: "sandbox soak (500 sequential runs)",
  expectedSeconds: 60,
  async run(): Promise<BenchResult> {
    const supervisor = await benchSupervisor({ WARM_POOL_SIZE: 2 });
    const samples: { fds: number; rssMiB: number }[] = [];
    const notOk: string[] = [];
    const runMs: number[] = [];
    try {
      for (let i = 0; i < WARMUP_RUNS + RUNS; i++) {
        const { exit, exitMs, stderr } = await timedRun(supervisor, ROUND_TRIP);
        if (exit.type === "run/exit" && exit.reason !== "ok") notOk.push(`${exit.message} ${stderr.slice(0, 300)}`);
        if (i >= WARMUP_RUNS) runMs.push(exitMs);
        if (i >= WARMUP_RUNS - 1 && (i - WARMUP_RUNS + 1) % SAMPLE_EVERY === 0) samples.push(snapshot());
      }
    } finally {
      await supervisor.close();
    }
    const [first, last] = [samples[0], samples.at(-1)!];
    const fdRatio = last.fds / first.fds;
    const rssRatio = last.rssMiB / first.rssMiB;
    runMs.sort((a, b) => a - b);
    return {
      figures: [
        figure(
          `open fds after ${RUNS} runs (min/max over samples)`,
          "fds",
          samples.map((s) => s.fds),
          last.fds,
        ),
        figure(
          `RSS after ${RUNS} runs (min/max over samples)`,
          "MiB",
          samples.map((s) => s.rssMiB),
          last.rssMiB,
        ),
        { name: "one run, submit → run/exit", unit: "ms", median: runMs[runMs.length >> 1], min: runMs[0], max: runMs.at(-1)! },
      ],
      comparisons: [
        { name: "open fds end / start", ratio: fdRatio, target: `<= ${FLAT_RATIO}`, met: fdRatio <= FLAT_RATIO },
        { name: "RSS end / start", ratio: rssRatio, target: `<= ${FLAT_RATIO}`, met: rssRatio <= FLAT_RATIO },
        { name: "runs that did not end ok", value: notOk.length, unit: "runs", target: "0", met: notOk.length === 0 },
      ],
      notes: [
        `start ${first.fds} fds / ${first.rssMiB.toFixed(1)} MiB after ${WARMUP_RUNS} warm-up runs; sampled every ${SAMPLE_EVERY} runs`,
        ...notOk.slice(0, 3),
      ],
    };
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
