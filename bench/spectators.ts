// How many spectators one classroom run can serve with bounded lag: the presenter and N spectators watch the same
// busy run; lag is when a spectator gets a trace batch minus when the presenter got it (one clock, one process).
import WebSocket from "ws";
import { summarize, type Benchmark, type BenchResult, p95 } from "./types.js";
import { BUSY_RUN, runIfMain } from "./sandbox-common.js";
import { startServer } from "./server-process.js";
import { SpectatorLag } from "./spectator-lag.js";

const SPECTATORS = [25, 100];
const TARGET_SPECTATORS = 100;
const P95_TARGET_MS = 250;

const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("open", () => resolve(ws)).once("error", reject);
  });

async function lagWith(wsBase: string, count: number): Promise<{ lags: number[]; missing: number; batches: number }> {
  const presenter = await open(`${wsBase}/api/runs`);
  const lag = new SpectatorLag();
  let code = "";
  let exited = () => {};
  const done = new Promise<void>((r) => (exited = r));
  presenter.on("message", (raw) => {
    const text = raw.toString();
    const m = JSON.parse(text);
    if (m.type === "session/opened") code = m.payload.code;
    if (m.type === "trace") {
      lag.presenterGot(m);
      if (m.payload.events.some((e: { type: string }) => e.type === "run/exit")) exited();
    }
  });
  presenter.send(JSON.stringify({ type: "session/open", payload: {}, meta: {} }));
  while (!code) await new Promise((r) => setTimeout(r, 20));
  const spectators = await Promise.all(
    Array.from({ length: count }, async () => {
      const ws = await open(`${wsBase}/api/sessions/${code}/watch`);
      ws.on("message", (raw) => lag.spectatorGot(raw.toString()));
      return ws;
    }),
  );
  presenter.send(JSON.stringify({ type: "run/start", payload: { files: { "main.ts": BUSY_RUN } }, meta: { runId: `bench-${count}` } }));
  await done;
  await new Promise((r) => setTimeout(r, 500));
  presenter.close();
  spectators.forEach((s) => s.close());
  return lag.result();
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
