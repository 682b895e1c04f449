// A class on two nodes behind nginx, with PostgreSQL and Redis: 300 spectators of one busy run, connected through
// the proxy (least connections spreads them over both nodes), and how far each lags behind the presenter; then
// how many runs per second one node sustains, per core, and the memory each sandbox takes meanwhile.
import { cpus } from "node:os";
import WebSocket from "ws";
import { summarize, type Benchmark, type BenchResult, type Comparison, type Figure, p95 } from "./types.js";
import { BUSY_RUN, ROUND_TRIP, runIfMain, runnerRssMiB } from "./sandbox-common.js";
import { SpectatorLag } from "./spectator-lag.js";
import { startNginx, startPostgres, startRedis } from "../server/test/services.js";
import { startNode } from "../server/test/node-process.js";

const SPECTATORS = 300;
const P95_TARGET_MS = 250;
const THROUGHPUT_CLIENTS = 16; // twice CONCURRENT_RUNS, so the node's queue never runs dry
const THROUGHPUT_MS = 20_000;

/** `from`: the client address a trusted proxy would forward (each student of a class has their own). */
const open = (url: string, from?: string, onMessage?: (raw: WebSocket.RawData) => void) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { headers: from ? { "x-forwarded-for": from } : {} });
    // Listening before the handshake ends: a session's snapshot may come in the same packet as the handshake.
    if (onMessage) ws.on("message", onMessage);
    ws.once("open", () => resolve(ws)).once("error", reject);
  });
const single = (name: string, unit: string, value: number): Figure => ({ name, unit, median: value, min: value, max: value });

/** Lag of each spectator's copy of each trace batch behind the presenter's (one process, one clock). */
async function spectatorLag(proxyWs: string): Promise<{ lags: number[]; missing: number; batches: number; bytes: number; seated: number }> {
  const presenter = await open(`${proxyWs}/api/runs`);
  const lag = new SpectatorLag();
  const sizes: number[] = [];
  let code = "";
  let exited = () => {};
  const done = new Promise<void>((r) => (exited = r));
  presenter.on("message", (raw) => {
    const m = JSON.parse(raw.toString());
    if (m.type === "session/opened") code = m.payload.code;
    if (m.type !== "trace") return;
    sizes.push(raw.toString().length);
    lag.presenterGot(m);
    if (m.payload.events.some((e: { type: string }) => e.type === "run/exit")) exited();
  });
  presenter.send(JSON.stringify({ type: "session/open", payload: {}, meta: {} }));
  while (!code) await new Promise((r) => setTimeout(r, 20));
  const spectators: WebSocket[] = [];
  let seated = 0;
  for (let i = 0; i < SPECTATORS; i += 50) {
    spectators.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, SPECTATORS - i) }, async () => {
          return open(`${proxyWs}/api/sessions/${code}/watch`, undefined, (raw) => {
            const text = raw.toString();
            lag.spectatorGot(text);
            if (text.startsWith('{"type":"session/snapshot"')) seated++;
          });
        }),
      )),
    );
  }
  presenter.send(JSON.stringify({ type: "run/start", payload: { files: { "main.ts": BUSY_RUN } }, meta: { runId: "class" } }));
  await done;
  await new Promise((r) => setTimeout(r, 1000)); // the last batches still on their way to spectators
  presenter.close();
  for (const s of spectators) s.close();
  return { ...lag.result(), bytes: summarize("", "", sizes).median, seated };
}

/** Short runs back to back from THROUGHPUT_CLIENTS clients on one node: finished runs per second, and peak RSS. */
async function runsPerSecond(nodeWs: string): Promise<{ perSecond: number; notOk: number; rss: number[] }> {
  const deadline = performance.now() + THROUGHPUT_MS;
  let ok = 0;
  let notOk = 0;
  const rss: number[] = [];
  const sampler = setInterval(() => {
    for (const mib of runnerRssMiB()) rss.push(mib);
  }, 200);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: THROUGHPUT_CLIENTS }, async (_, client) => {
      const ws = await open(`${nodeWs}/api/runs`, `198.51.100.${client + 1}`);
      for (let n = 0; performance.now() < deadline; n++) {
        const runId = `t-${client}-${n}`;
        const reason = await new Promise<string>((resolve) => {
          const onMessage = (raw: WebSocket.RawData) => {
            const m = JSON.parse(raw.toString());
            const exit = m.type === "trace" && m.meta.runId === runId && m.payload.events.find((e: { type: string }) => e.type === "run/exit");
            if (exit || (m.type === "error" && m.meta.runId === runId)) {
              ws.off("message", onMessage);
              resolve(exit ? exit.reason : "refused");
            }
          };
          ws.on("message", onMessage);
          ws.send(JSON.stringify({ type: "run/start", payload: { files: { "main.ts": ROUND_TRIP } }, meta: { runId } }));
        });
        if (reason === "ok") ok++;
        else notOk++;
        if (reason === "refused") break;
      }
      ws.close();
    }),
  );
  clearInterval(sampler);
  return { perSecond: ok / ((performance.now() - started) / 1000), notOk, rss };
}

/** The anchor: the same class on one node alone, sessions in its memory, no proxy. */
async function oneNodeLag(): Promise<Awaited<ReturnType<typeof spectatorLag>>> {
  const node = await startNode({ WB_SPECTATORS_PER_ADDRESS: String(SPECTATORS) });
  try {
    return await spectatorLag(node.ws);
  } finally {
    await node.stop();
  }
}

const bench: Benchmark = {
  name: "cluster (2 nodes behind nginx)",
  expectedSeconds: 90,
  async run(): Promise<BenchResult> {
    const alone = await oneNodeLag();
    const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      TRUST_PROXY: "127.0.0.1",
      // Through nginx every spectator here comes from 127.0.0.1; a real class comes from many addresses.
      WB_SPECTATORS_PER_ADDRESS: String(SPECTATORS),
      WB_RUNS_PER_CLIENT_PER_MINUTE: "100000",
    };
    const nodes = await Promise.all([startNode(env), startNode(env)]);
    const nginx = await startNginx(nodes.map((n) => n.address));
    try {
      const { lags, missing, batches, bytes, seated } = await spectatorLag(nginx.url.replace("http", "ws"));
      const { perSecond, notOk, rss } = await runsPerSecond(nodes[0].ws);
      const cores = cpus().length;
      const comparisons: Comparison[] = [
        {
          name: `p95 lag, ${SPECTATORS} spectators on 2 nodes`,
          value: p95(lags),
          unit: "ms",
          target: `<= ${P95_TARGET_MS} ms`,
          met: p95(lags) <= P95_TARGET_MS,
        },
        { name: "p95 lag, 2 nodes behind nginx / 1 node alone", ratio: p95(lags) / p95(alone.lags), target: "information", met: true },
        {
          name: "spectators seated (2 nodes / 1 node)",
          value: seated + alone.seated,
          unit: "seats",
          target: `${2 * SPECTATORS}`,
          met: seated + alone.seated === 2 * SPECTATORS,
        },
        { name: "short runs that did not end ok", value: notOk, unit: "runs", target: "0", met: notOk === 0 },
      ];
      return {
        figures: [
          summarize(`lag behind the presenter, ${SPECTATORS} spectators, 2 nodes`, "ms", lags),
          single(`p95 lag, ${SPECTATORS} spectators, 2 nodes behind nginx`, "ms", p95(lags)),
          single(`p95 lag, ${SPECTATORS} spectators, 1 node alone`, "ms", p95(alone.lags)),
          single("runs per second, one node", "runs/s", perSecond),
          single(`runs per second per core (${cores} cores)`, "runs/s", perSecond / cores),
          summarize("RSS per sandbox while runs follow each other", "MiB", rss),
        ],
        comparisons,
        notes: [
          `2 nodes: ${batches} batches to the presenter (median ${Math.round(bytes / 1024)} KiB); ${lags.length} deliveries matched, ${missing} reduced under backpressure`,
          `1 node: ${alone.batches} batches; ${alone.lags.length} deliveries matched, ${alone.missing} reduced`,
          `throughput: ${THROUGHPUT_CLIENTS} clients, one PUSH/PULL round trip per run, ${THROUGHPUT_MS / 1000} s, on node A while node B idles on the same machine`,
        ],
      };
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
      await Promise.all([nginx.stop(), redis.stop(), postgres.stop()]);
    }
  },
};
export default bench;
await runIfMain(import.meta.url, bench);
