// The web UI under load, in real Chromium against the real server: frames per second while 20 sockets are busy,
// bytes per second the browser receives over the run WebSocket, and the JS the page loads before Monaco.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { runIfMain } from "./sandbox-common.js";
import { startServer } from "./server-process.js";
import { summarize, type Benchmark, type BenchResult, type Comparison, type Figure } from "./types.js";

const root = new URL("..", import.meta.url).pathname;
const DIST = join(root, "web/dist");
const RUN_SECONDS = 4;
const FPS_TARGET = 50;
const BYTES_TARGET = 256 * 1024;
const JS_TARGET = 300 * 1024;

/** Ten PUSH/PULL pairs (20 sockets) sending `rate` messages a second in all, paced in 10 ms ticks. */
const busyProgram = (rate: number) => `import * as zmq from "zeromq";
const PAIRS = 10, PER_TICK = ${Math.max(1, Math.round(rate / 10 / 100))};
const pairs = [];
for (let i = 0; i < PAIRS; i++) {
  const pull = new zmq.Pull({ receiveTimeout: 500 });
  await pull.bind("inproc://p" + i);
  const push = new zmq.Push({ sendTimeout: 500 });
  push.connect("inproc://p" + i);
  pairs.push({ push, pull });
}
const draining = pairs.map(async ({ pull }) => { try { for (;;) await pull.receive(); } catch {} });
const until = Date.now() + ${RUN_SECONDS * 1000};
while (Date.now() < until) {
  const tick = Date.now();
  await Promise.all(pairs.map(async ({ push }) => { for (let k = 0; k < PER_TICK; k++) await push.send("m"); }));
  await new Promise((r) => setTimeout(r, Math.max(0, 10 - (Date.now() - tick))));
}
await Promise.all(draining);
for (const { push, pull } of pairs) { push.close(); pull.close(); }
`;

interface Sample { fps: number; bytesPerSecond: number; messagesPerSecond: number }

async function measureRun(page: Page, baseUrl: string, rate: number): Promise<Sample> {
  const res = await fetch(`${baseUrl}/api/shares`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ files: { "main.ts": busyProgram(rate) } }),
  });
  const { url } = (await res.json()) as { url: string };
  await page.goto(`${baseUrl}${url}`);
  await page.getByRole("button", { name: "Run", exact: true }).waitFor();
  await page.waitForTimeout(1500); // the editor settles before the measurement

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const frames: Array<{ at: number; bytes: number; text: string }> = [];
  cdp.on("Network.webSocketFrameReceived", (e: { response: { payloadData: string } }) => {
    const text = e.response.payloadData;
    frames.push({ at: Date.now(), bytes: Buffer.byteLength(text), text: text.slice(0, 40) });
  });
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate("window.__frames = []; (function loop(t) { if (t) window.__frames.push(t); requestAnimationFrame(loop); })()");
  const started = Date.now();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.locator('[data-run-status="done"], [data-run-status="failed"]').waitFor({ timeout: 60_000 });
  const ended = Date.now();
  const rafTimes = (await page.evaluate("window.__frames")) as number[];
  await cdp.detach();

  const status = await page.locator("[data-run-status]").getAttribute("data-run-status");
  if (status !== "done") throw new Error(`the ${rate} msg/s run ended ${status}`);
  const totalText = await page.getByRole("region", { name: "Messages" }).locator(".count").textContent();
  const traced = frames.filter((f) => f.text.startsWith('{"type":"trace"'));
  const seconds = (ended - started) / 1000;
  // Frames in the busy middle of the run: after start-up, before the run winds down.
  const window0 = rafTimes[0] + 1000, window1 = rafTimes[0] + (RUN_SECONDS - 0.5) * 1000;
  const busy = rafTimes.filter((t) => t >= window0 && t <= window1);
  return {
    fps: busy.length / ((window1 - window0) / 1000),
    bytesPerSecond: traced.reduce((s, f) => s + f.bytes, 0) / seconds,
    messagesPerSecond: Number(totalText) / 2 / RUN_SECONDS,
  };
}

/** Gzipped size of the entry script and the chunks it preloads; Monaco arrives later, with a dynamic import. */
function initialJsBytes(): { bytes: number; files: string[] } {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return { bytes: files.reduce((s, f) => s + gzipSync(readFileSync(join(DIST, f))).length, 0), files };
}

const bench: Benchmark = {
  name: "ui in the browser",
  expectedSeconds: 60,
  async run(): Promise<BenchResult> {
    if (!existsSync(join(DIST, "index.html"))) throw new Error("web/dist is missing: run `npm run build` first");
    const server = await startServer();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const figures: Figure[] = [];
      const comparisons: Comparison[] = [];
      const notes: string[] = [];
      await page.goto(server.url);
      await page.getByRole("button", { name: "Run", exact: true }).waitFor();
      await page.waitForTimeout(1500);
      const idle = (await page.evaluate(`new Promise((done) => { let n = 0; const t0 = performance.now();
        (function loop(t) { n++; if (t - t0 < 2000) requestAnimationFrame(loop); else done(n / ((t - t0) / 1000)); })(t0); })`)) as number;
      figures.push({ name: "frames per second, idle page (anchor)", unit: "fps", median: idle, min: idle, max: idle });
      for (const rate of [50_000, 10_000, 100_000]) {
        const samples = [await measureRun(page, server.url, rate), await measureRun(page, server.url, rate)];
        const fps = summarize(`frames per second, ${rate / 1000}k msg/s asked`, "fps", samples.map((s) => s.fps));
        const bytes = summarize(`WebSocket bytes to the browser, ${rate / 1000}k msg/s asked`, "KB/s", samples.map((s) => s.bytesPerSecond / 1024));
        const traced = summarize(`messages traced (log count / 2), ${rate / 1000}k msg/s asked`, "msg/s", samples.map((s) => s.messagesPerSecond));
        figures.push(fps, bytes, traced);
        if (rate === 50_000) comparisons.push({ name: "fps with 20 busy sockets", value: fps.median, unit: "fps", target: `>= ${FPS_TARGET}`, met: fps.median >= FPS_TARGET });
        else comparisons.push({ name: `bytes to the browser at ${rate / 1000}k msg/s`, value: bytes.median, unit: "KB/s", target: `<= ${BYTES_TARGET / 1024} KB/s`, met: bytes.median * 1024 <= BYTES_TARGET });
      }
      const js = initialJsBytes();
      figures.push({ name: "initial JS before Monaco (gzip)", unit: "KB", median: js.bytes / 1024, min: js.bytes / 1024, max: js.bytes / 1024 });
      comparisons.push({ name: "initial JS before Monaco", value: js.bytes / 1024, unit: "KB gzip", target: `<= ${JS_TARGET / 1024} KB`, met: js.bytes <= JS_TARGET });
      notes.push(`entry chunks: ${js.files.join(", ")}`);
      notes.push("messages traced counts sends and receives the browser was sent (the server sheds message events when the socket backs up)");
      return { figures, comparisons, notes };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
export default bench;
await runIfMain(import.meta.url, bench);
