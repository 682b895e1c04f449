// Time from submit to the runner's first trace event (socket/open): a warm pool against cold starts (pool size 0).
import { summarize, type Benchmark, type BenchResult } from "./types.js";
import { ROUND_TRIP, benchSupervisor, pause, runIfMain, timedRun } from "./sandbox-common.js";

const ROUNDS = 25;
const WARM_TARGET_MS = 50;
/** Long enough for the pool to have a fresh process ready again (a cold start takes ~100 ms). */
const REFILL_PAUSE_MS = 400;

async function firstEventTimes(poolSize: number): Promise<number[]> {
  const supervisor = await benchSupervisor({ WARM_POOL_SIZE: poolSize });
  try {
    await pause(REFILL_PAUSE_MS);
    await timedRun(supervisor, ROUND_TRIP); // warms esbuild and the file cache
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await pause(REFILL_PAUSE_MS);
      const { firstEventMs, exit } = await timedRun(supervisor, ROUND_TRIP);
      if (firstEventMs === undefined) throw new Error(`a run sent no socket event: ${JSON.stringify(exit)}`);
      times.push(firstEventMs);
    }
    return times;
  } finally {
    await supervisor.close();
  }
}

const bench: Benchmark = {
  name: "sandbox start-up latency",
  expectedSeconds: 30,
  async run(): Promise<BenchResult> {
    const warm = summarize("submit → first trace event, warm pool", "ms", await firstEventTimes(2));
    const cold = summarize("submit → first trace event, cold (pool 0)", "ms", await firstEventTimes(0));
    return {
      figures: [warm, cold],
      comparisons: [
        { name: "warm pool first event", value: warm.median, unit: "ms", target: `<= ${WARM_TARGET_MS} ms`, met: warm.median <= WARM_TARGET_MS },
        { name: "warm pool vs cold start", ratio: cold.median / warm.median, target: "> 1 (warm is faster)", met: cold.median > warm.median },
      ],
      notes: [`driver ${process.env.SANDBOX ?? "auto"}, ${ROUNDS} sequential rounds each, one PUSH/PULL round trip over tcp`],
    };
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
