// Fairness of the run queue: 20 students press Run at once while one client holds long runs (as many as one
// address may) and tries for more. Time from Run to the first trace event, p95 over the 20, next to the same
// class without the hog, in the same server. Students and the hog are distinct addresses (X-Forwarded-For, with
// TRUST_PROXY trusting the loopback), as they would be behind a proxy or on a class network.
import WebSocket from "ws";
import { summarize, type Benchmark, type BenchResult, p95 } from "./types.js";
import { runIfMain } from "./sandbox-common.js";
import { startServer } from "./server-process.js";

const STUDENTS = 20;
const ROUNDS = 3;
const TARGET_RATIO = 1.5;
const HOG_ASKS = 15;
const QUICK = `console.log("hello from a student");`;
const LONG = `setInterval(() => {}, 1000);`;

const open = (url: string, from: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { "x-forwarded-for": from } });
    ws.once("open", () => resolve(ws)).once("error", reject);
  });

/** Presses Run on `ws`; resolves with ms until the first trace batch, and again when the run has exited. */
function pressRun(
  ws: WebSocket,
  runId: string,
  source: string,
  timeoutMs?: number,
): { firstEvent: Promise<number>; exited: Promise<void>; refused: Promise<string> } {
  const sent = performance.now();
  let first!: (ms: number) => void;
  let exit!: () => void;
  let refuse!: (m: string) => void;
  const firstEvent = new Promise<number>((r) => (first = r));
  const exited = new Promise<void>((r) => (exit = r));
  const refused = new Promise<string>((r) => (refuse = r));
  let seen = false;
  ws.on("message", (raw) => {
    const m = JSON.parse(raw.toString()) as { type: string; meta: { runId?: string }; payload: { events?: { type: string }[]; message?: string } };
    if (m.meta.runId !== runId) return;
    if (m.type === "error") refuse(m.payload.message ?? "");
    if (m.type !== "trace") return;
    if (!seen) {
      seen = true;
      first(performance.now() - sent);
    }
    if (m.payload.events?.some((e) => e.type === "run/exit")) exit();
  });
  ws.send(JSON.stringify({ type: "run/start", payload: { files: { "main.js": source }, ...(timeoutMs ? { timeoutMs } : {}) }, meta: { runId } }));
  return { firstEvent, exited, refused };
}

async function classRound(wsBase: string, round: string): Promise<number[]> {
  const sockets = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => open(`${wsBase}/api/runs`, `10.20.${i}.1`)));
  const presses = sockets.map((ws, i) => pressRun(ws, `${round}-s${i}`, QUICK));
  const waits = await Promise.all(presses.map((p) => p.firstEvent));
  await Promise.all(presses.map((p) => p.exited));
  sockets.forEach((s) => {
    s.close();
  });
  return waits;
}

const bench: Benchmark = {
  name: "run fairness",
  expectedSeconds: 100,
  async run(): Promise<BenchResult> {
    const server = await startServer({ TRUST_PROXY: "127.0.0.1" });
    const hogSocket = await open(`${server.ws}/api/runs`, "10.99.0.1");
    hogSocket.setMaxListeners(0);
    try {
      const alone: number[] = [];
      const withHog: number[] = [];
      let refusal = "";
      let held = 0;
      await classRound(server.ws, "warm-up");
      for (let r = 0; r < ROUNDS; r++) {
        alone.push(p95(await classRound(server.ws, `alone-${r}`)));
        // The hog asks for 15 half-hour runs a round (45 in all, under the per-minute rate limit); it gets its share.
        const asks = Array.from({ length: HOG_ASKS }, (_, i) => pressRun(hogSocket, `hog-${r}-${i}`, LONG, 30 * 60_000));
        const outcomes = await Promise.all(asks.map((a) => Promise.race([a.firstEvent.then(() => "running"), a.refused])));
        held = outcomes.filter((o) => o === "running").length;
        refusal = outcomes.find((o) => o !== "running") ?? refusal;
        withHog.push(p95(await classRound(server.ws, `hog-${r}`)));
        asks.forEach((_, i) => {
          hogSocket.send(JSON.stringify({ type: "run/stop", payload: {}, meta: { runId: `hog-${r}-${i}` } }));
        });
        await Promise.all(asks.slice(0, held).map((a) => a.exited));
      }
      const a = summarize(`p95 Run → first event, ${STUDENTS} students alone`, "ms", alone);
      const h = summarize(`p95 Run → first event, ${STUDENTS} students beside a hog`, "ms", withHog);
      // Rounds alternate, so each hog round is compared with the round just before it; the median of those ratios.
      const ratio = summarize(
        "ratio",
        "×",
        withHog.map((w, i) => w / alone[i]),
      ).median;
      return {
        figures: [a, h],
        comparisons: [{ name: "p95 wait beside a hog / alone", value: ratio, unit: "×", target: `<= ${TARGET_RATIO}`, met: ratio <= TARGET_RATIO }],
        notes: [
          `each round the hog held ${held} runs and was refused the other ${HOG_ASKS - held}: "${refusal}"`,
          `${ROUNDS} rounds each, alternating; default limits (8 concurrent runs)`,
        ],
      };
    } finally {
      hogSocket.close();
      await server.stop();
    }
  },
};
export default bench;
await runIfMain(import.meta.url, bench);
