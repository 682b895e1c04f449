// The server's responsiveness while a run attacks it through its telemetry channel: GET /api/health latency while
// one run writes the worst forged traffic we know (a 10,000-deep value, 150,000 events behind an unmatched
// receive, 10,000 binds and connects, 18 MB of console events) next to the same server idle, and the server's
// resident memory before and after.
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { worstForgedTraffic } from "../server/sandbox/test/hostile-telemetry-programs.js";
import { runIfMain } from "./sandbox-common.js";
import { startServer } from "./server-process.js";
import { summarize, type Benchmark, type BenchResult, type Figure, p95 } from "./types.js";

const PROBE_EVERY_MS = 20;
const IDLE_MS = 4_000;
const ROUNDS = 3;
const MAX_TARGET_MS = 250;
const RSS_TOLERANCE = 0.1;
const SETTLE_MS = 3_000;

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;

/** Health latencies, one request at a time every PROBE_EVERY_MS, until `until` resolves. */
async function probeHealth(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.then(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await (await fetch(`${url}/api/health`)).json();
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return latencies;
}

/** Starts the forged run over the run WebSocket; resolves with its run/exit when it ends. */
async function hostileRun(ws: string, runId: string): Promise<{ reason: string; limit?: string }> {
  const socket = new WebSocket(`${ws}/api/runs`);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const exit = new Promise<{ reason: string; limit?: string }>((resolve) => {
    socket.on("message", (raw) => {
      const message = JSON.parse(raw.toString());
      const end = message.type === "trace" && message.payload.events.find((e: { type: string }) => e.type === "run/exit");
      if (end) resolve(end);
      if (message.type === "error") resolve({ reason: `refused: ${message.payload.message}` });
    });
  });
  socket.send(JSON.stringify({ type: "run/start", payload: { files: { "main.js": worstForgedTraffic }, timeoutMs: 30_000 }, meta: { runId } }));
  const result = await exit;
  socket.close();
  return result;
}

const bench: Benchmark = {
  name: "health under hostile telemetry",
  expectedSeconds: 60,
  async run(): Promise<BenchResult> {
    const server = await startServer();
    const pid = server.child.pid!;
    try {
      const idle: number[] = [];
      const hostile: number[] = [];
      const notes: string[] = [];
      await probeHealth(server.url, new Promise((r) => setTimeout(r, 1_000))); // warm-up
      const rssBefore = rssMiB(pid);
      let rssAfter = NaN;
      for (let round = 0; round < ROUNDS; round++) {
        for (const ms of await probeHealth(server.url, new Promise((r) => setTimeout(r, IDLE_MS)))) idle.push(ms);
        const run = hostileRun(server.ws, `hostile-${round}`);
        for (const ms of await probeHealth(server.url, run)) hostile.push(ms);
        const exit = await run;
        notes.push(`round ${round + 1}: the forged run ended ${exit.reason}${exit.limit ? `/${exit.limit}` : ""}`);
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        rssAfter = rssMiB(pid);
      }
      const figures: Figure[] = [
        summarize("GET /api/health, server idle", "ms", idle),
        summarize("GET /api/health, during the forged run", "ms", hostile),
        { name: "p95 GET /api/health, idle", unit: "ms", median: p95(idle), min: p95(idle), max: p95(idle) },
        { name: "p95 GET /api/health, during the forged run", unit: "ms", median: p95(hostile), min: p95(hostile), max: p95(hostile) },
        { name: "server RSS before the forged runs", unit: "MiB", median: rssBefore, min: rssBefore, max: rssBefore },
        { name: `server RSS ${SETTLE_MS / 1000} s after the last`, unit: "MiB", median: rssAfter, min: rssAfter, max: rssAfter },
      ];
      const worst = hostile.reduce((a, b) => Math.max(a, b), 0);
      const growth = rssAfter / rssBefore - 1;
      return {
        figures,
        comparisons: [
          { name: "max GET /api/health during the forged run", value: worst, unit: "ms", target: `< ${MAX_TARGET_MS} ms`, met: worst < MAX_TARGET_MS },
          { name: "p95 health, forged run / idle", ratio: p95(hostile) / p95(idle), target: "for information", met: true },
          {
            name: "server RSS after the forged runs vs before",
            value: Math.round(growth * 1000) / 10,
            unit: "%",
            target: `within ${RSS_TOLERANCE * 100} %`,
            met: Math.abs(growth) <= RSS_TOLERANCE,
          },
        ],
        notes,
      };
    } finally {
      await server.stop();
    }
  },
};
export default bench;
await runIfMain(import.meta.url, bench);
