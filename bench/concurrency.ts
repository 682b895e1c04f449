// 30 browsers press Run at once on a small REQ/REP topology: how the HTTP API answers meanwhile (p95 of
// GET /api/health, against the same server idle) and how much memory each sandbox takes at the peak.
import WebSocket from "ws";
import { summarize, type Benchmark, type BenchResult, p95 } from "./types.js";
import { runIfMain, runnerRssMiB } from "./sandbox-common.js";
import { startServer } from "./server-process.js";

const CLIENTS = 30;
const P95_TARGET_MS = 100;
const PROGRAM = `
import * as zmq from "zeromq";
const rep = new zmq.Reply(); await rep.bind("tcp://127.0.0.1:5555");
const req = new zmq.Request(); req.connect("tcp://127.0.0.1:5555");
(async () => { for await (const [m] of rep) await rep.send(m); })();
for (let i = 0; i < 200; i++) { await req.send("ping " + i); await req.receive(); }
req.close(); rep.close();
`;

async function healthLatencies(url: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    const started = performance.now();
    await fetch(`${url}/api/health`).then((r) => r.json());
    samples.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  return samples;
}

/** One student: its own address (forwarded through the trusted loopback), as 30 students in a class would have. */
function runOnce(wsUrl: string, runId: string, student: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/api/runs`, { headers: { "x-forwarded-for": `10.30.${student}.1` } });
    ws.once("open", () => ws.send(JSON.stringify({ type: "run/start", payload: { files: { "main.ts": PROGRAM } }, meta: { runId } })));
    ws.on("message", (raw) => {
      const m = JSON.parse(raw.toString());
      const exit = m.type === "trace" && m.payload.events.find((e: { type: string }) => e.type === "run/exit");
      if (exit) {
        ws.close();
        resolve(exit.reason);
      }
      if (m.type === "error") {
        ws.close();
        reject(new Error(m.payload.message));
      }
    });
    ws.once("error", reject);
  });
}

async function measure(): Promise<BenchResult> {
  const server = await startServer({ WB_RUNS_PER_CLIENT_PER_MINUTE: "1000", TRUST_PROXY: "127.0.0.1" });
  try {
    let idleDone = false;
    setTimeout(() => (idleDone = true), 2000);
    const idle = await healthLatencies(server.url, () => idleDone);
    let finished = 0;
    const peak: number[][] = [];
    const sampler = setInterval(() => peak.push(runnerRssMiB()), 50);
    const started = performance.now();
    const runs = Array.from({ length: CLIENTS }, (_, i) => runOnce(server.ws, `conc-${i}`, i).finally(() => finished++));
    const busy = await healthLatencies(server.url, () => finished === CLIENTS);
    const reasons = await Promise.all(runs);
    const allSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const busiest = peak.reduce((a, b) => (b.length > a.length ? b : a), []);
    const notOk = reasons.filter((r) => r !== "ok").length;
    return {
      figures: [
        summarize("GET /api/health, idle", "ms", idle),
        summarize(`GET /api/health, ${CLIENTS} runs at once`, "ms", busy),
        { name: "p95 GET /api/health under load", unit: "ms", median: p95(busy), min: p95(busy), max: p95(busy) },
        summarize("RSS per sandbox at the busiest moment", "MiB", busiest),
        { name: `all ${CLIENTS} runs done`, unit: "s", median: allSeconds, min: allSeconds, max: allSeconds },
      ],
      comparisons: [
        { name: `API p95 with ${CLIENTS} runs at once`, value: p95(busy), unit: "ms", target: `<= ${P95_TARGET_MS} ms`, met: p95(busy) <= P95_TARGET_MS },
        { name: "API p95 busy / idle", ratio: p95(busy) / p95(idle), target: "information", met: true },
        { name: "runs that did not end ok", value: notOk, unit: "runs", target: "0", met: notOk === 0 },
      ],
      notes: [`${busiest.length} sandboxes alive at the busiest moment (the server runs at most CONCURRENT_RUNS at once and queues the rest)`],
    };
  } finally {
    await server.stop();
  }
}

const bench: Benchmark = { name: "concurrency (30 runs at once)", expectedSeconds: 25, run: measure };
export default bench;
await runIfMain(import.meta.url, bench);
