// How many spectators one classroom run can serve with bounded lag: the presenter and N spectators watch the same
// busy run; lag is when a spectator gets a trace batch minus when the presenter got it (one clock, one process).
import WebSocket from "ws";
import { summarize, type Benchmark, type BenchResult } from "./types.js";
import { BUSY_RUN, runIfMain } from "./sandbox-common.js";
import { startServer } from "./server-process.js";

const SPECTATORS = [25, 100];
const TARGET_SPECTATORS = 100;
const P95_TARGET_MS = 250;

const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("open", () => resolve(ws)).once("error", reject);
  });
const keyOf = (data: string) => `${data.length}:${data.slice(0, 200)}`;

async function lagWith(wsBase: string, count: number): Promise<{ lags: number[]; missing: number; batches: number }> {
  const presenter = await open(`${wsBase}/api/runs`);
  const presenterAt = new Map<string, number>();
  let code = "";
  let exited = () => {};
  const done = new Promise<void>((r) => (exited = r));
  presenter.on("message", (raw) => {
    const text = raw.toString();
    const m = JSON.parse(text);
    if (m.type === "session/opened") code = m.payload.code;
    if (m.type === "trace") {
      presenterAt.set(keyOf(JSON.stringify({ type: "trace", payload: m.payload, meta: m.meta })), performance.now());
      if (m.payload.events.some((e: { type: string }) => e.type === "run/exit")) exited();
    }
  });
  presenter.send(JSON.stringify({ type: "session/open", payload: {}, meta: {} }));
  while (!code) await new Promise((r) => setTimeout(r, 20));
  const received: Array<{ key: string; at: number }> = [];
  const spectators = await Promise.all(
    Array.from({ length: count }, async () => {
      const ws = await open(`${wsBase}/api/sessions/${code}/watch`);
      ws.on("message", (raw) => {
        const at = performance.now();
        const text = raw.toString();
        if (text.startsWith('{"type":"trace"')) received.push({ key: keyOf(text), at });
      });
      return ws;
    }),
  );
  presenter.send(JSON.stringify({ type: "run/start", payload: { files: { "main.ts": BUSY_RUN } }, meta: { runId: `bench-${count}` } }));
  await done;
  await new Promise((r) => setTimeout(r, 500));
  const lags: number[] = [];
  let missing = 0;
  for (const r of received) {
    const t = presenterAt.get(r.key);
    if (t === undefined) missing++;
    else lags.push(Math.max(0, r.at - t));
  }
  presenter.close();
  spectators.forEach((s) => s.close());
  return { lags, missing, batches: presenterAt.size };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

const bench: Benchmark = {
  name: "classroom spectators",
  expectedSeconds: 25,
  async run(): Promise<BenchResult> {
    // Every spectator here comes from 127.0.0.1: lift the per-address seat cap that would stop a real class at 60.
    const server = await startServer({ WB_SPECTATORS_PER_ADDRESS: "1000" });
    try {
      const figures = [];
      const comparisons = [];
      const notes: string[] = [];
      for (const count of SPECTATORS) {
        const { lags, missing, batches } = await lagWith(server.ws, count);
        figures.push(summarize(`lag behind the presenter, ${count} spectators`, "ms", lags));
        figures.push({ name: `p95 lag, ${count} spectators`, unit: "ms", median: p95(lags), min: p95(lags), max: p95(lags) });
        notes.push(
          `${count} spectators: ${batches} batches to the presenter, ${lags.length} deliveries matched, ${missing} not delivered (a spectator too far behind is dropped)`,
        );
        if (count === TARGET_SPECTATORS)
          comparisons.push({
            name: `p95 lag with ${count} spectators`,
            value: p95(lags),
            unit: "ms",
            target: `<= ${P95_TARGET_MS} ms`,
            met: p95(lags) <= P95_TARGET_MS,
          });
      }
      return { figures, comparisons, notes };
    } finally {
      await server.stop();
    }
  },
};
export default bench;
await runIfMain(import.meta.url, bench);
