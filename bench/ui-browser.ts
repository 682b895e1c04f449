// The web UI under load, in real Chromium against the real server: frames per second while 20 and 100 sockets are
// busy, the layout time of 100 sockets, bytes per second the browser receives over the run WebSocket, and the JS
// the page loads before Monaco. The program, the server and the browser share the machine: the benchmark prints
// which cores each may use (BENCH_PIN=1 gives the browser a core of its own) and the CPU each used.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { coresOf, hasTaskset, loadNote, PIN, pinned, treeCpuSeconds } from "./placement.js";
import { browserQuiet, QUIET_CORES, SETTLE_MAX_MS } from "./browser-quiet.js";
import { runIfMain } from "./sandbox-common.js";
import { startServer } from "./server-process.js";
import { busyProgram, RUN_SECONDS } from "./ui-program.js";
import { summarize, type Benchmark, type BenchResult, type Comparison, type Figure } from "./types.js";

const root = new URL("..", import.meta.url).pathname;
const DIST = join(root, "web/dist");
const FPS_TARGET = 50;
const BYTES_TARGET = 256 * 1024;
const JS_TARGET = 300 * 1024;
/** A layout must come well within a second of a socket appearing. */
const LAYOUT_TARGET_MS = 500;

interface Sample {
  fps: number;
  bytesPerSecond: number;
  messagesPerSecond: number;
  layoutMs: number[];
  /** From the graph asking for the layout to its answer on the page: worker start-up and waits included. */
  layoutWaitMs: number[];
  serverCpu: number;
  browserCpu: number;
  /** Browser CPU in cores during the wait before the run, once the page had loaded. */
  settlingCpu: number;
  seconds: number;
}
interface Pids {
  server?: number;
  browser?: number;
}

async function measureRun(page: Page, baseUrl: string, rate: number, pairs: number, pids: Pids): Promise<Sample> {
  const res = await fetch(`${baseUrl}/api/shares`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ files: { "main.ts": busyProgram(rate, pairs) } }),
  });
  const { url } = (await res.json()) as { url: string };
  await page.goto(`${baseUrl}${url}`);
  await page.getByRole("button", { name: "Run", exact: true }).waitFor();
  // The editor's TypeScript worker starts after the page: the run starts once the browser is quiet, so that the
  // figures are the run's, not the editor's start-up (a learner reads the code before pressing Run).
  const settled = await browserQuiet(pids.browser);
  const settlingCpu = settled.cores;

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
  const cpu0 = { server: treeCpuSeconds(pids.server), browser: treeCpuSeconds(pids.browser) };
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.locator('[data-run-status="done"], [data-run-status="failed"]').waitFor({ timeout: 60_000 });
  const ended = Date.now();
  const cpu1 = { server: treeCpuSeconds(pids.server), browser: treeCpuSeconds(pids.browser) };
  const rafTimes = (await page.evaluate("window.__frames")) as number[];
  const layouts = (await page.evaluate("window.__workbench?.layouts ?? []")) as Array<{ nodes: number; ms: number; sinceRequestMs?: number }>;
  await cdp.detach();

  const status = await page.locator("[data-run-status]").getAttribute("data-run-status");
  if (status !== "done") {
    const said = await page
      .getByRole("region", { name: "Console" })
      .textContent()
      .catch(() => "(no console)");
    throw new Error(`the ${rate} msg/s run with ${2 * pairs} sockets ended ${status}: ${(said ?? "").slice(-600)}`);
  }
  const totalText = await page.getByRole("region", { name: "Messages" }).locator(".count").textContent();
  const traced = frames.filter((f) => f.text.startsWith('{"type":"trace"'));
  const seconds = (ended - started) / 1000;
  // Frames in the busy middle of the run: after start-up, before the run winds down.
  const window0 = rafTimes[0] + 1000,
    window1 = rafTimes[0] + (RUN_SECONDS - 0.5) * 1000;
  const busy = rafTimes.filter((t) => t >= window0 && t <= window1);
  return {
    fps: busy.length / ((window1 - window0) / 1000),
    bytesPerSecond: traced.reduce((s, f) => s + f.bytes, 0) / seconds,
    messagesPerSecond: Number(totalText) / 2 / RUN_SECONDS,
    layoutMs: layouts.filter((l) => l.nodes === 2 * pairs).map((l) => l.ms),
    layoutWaitMs: layouts.filter((l) => l.nodes === 2 * pairs).map((l) => l.sinceRequestMs ?? Number.NaN),
    serverCpu: cpu1.server - cpu0.server,
    browserCpu: cpu1.browser - cpu0.browser,
    settlingCpu,
    seconds,
  };
}

/** Gzipped size of the entry script and the chunks it preloads; Monaco arrives later, with a dynamic import. */
function initialJsBytes(): { bytes: number; files: string[] } {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return { bytes: files.reduce((s, f) => s + gzipSync(readFileSync(join(DIST, f))).length, 0), files };
}

/** The browser as a server process of its own, so that its pid (and its cores) can be read and pinned. */
async function launchBrowser() {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const last = String(cpus().length - 1);
  const wrapper = PIN ? join(mkdtempSync(join(tmpdir(), "zmq-wb-chromium-")), "chromium") : executable;
  if (PIN) {
    writeFileSync(wrapper, `#!/bin/sh\nexec ${pinned(last, [executable]).join(" ")} "$@"\n`);
    chmodSync(wrapper, 0o755);
  }
  const server = await chromium.launchServer({
    executablePath: wrapper,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  return { server, browser: await chromium.connect(server.wsEndpoint()), pid: server.process().pid };
}

const bench: Benchmark = {
  name: "ui in the browser",
  expectedSeconds: 120,
  async run(): Promise<BenchResult> {
    if (!existsSync(join(DIST, "index.html"))) throw new Error("web/dist is missing: run `npm run build` first");
    if (process.env.BENCH_PIN === "1" && !hasTaskset()) throw new Error("BENCH_PIN=1 needs taskset (util-linux)");
    // 100 busy sockets are above a run's default of 64 (the SOCKETS limit): this server allows 128.
    const server = await startServer({ WB_SOCKETS: "128" }, pinned("0", []));
    const launched = await launchBrowser();
    const pids: Pids = { server: server.child.pid, browser: launched.pid };
    try {
      const page = await launched.browser.newPage({ viewport: { width: 1440, height: 900 } });
      const figures: Figure[] = [];
      const comparisons: Comparison[] = [];
      const notes: string[] = [
        `cores: server and the programs it runs ${coresOf(pids.server)}, browser ${coresOf(pids.browser)}, benchmark ${coresOf(process.pid)}${PIN ? " (BENCH_PIN=1)" : " (not pinned: set BENCH_PIN=1 to give the browser a core of its own)"}`,
        `before: ${loadNote()}`,
        "the server runs with WB_SOCKETS=128 so that one run may hold 100 sockets (the default limit is 64)",
      ];
      await page.goto(server.url);
      await page.getByRole("button", { name: "Run", exact: true }).waitFor();
      await page.waitForTimeout(1500);
      const idle = (await page.evaluate(`new Promise((done) => { let n = 0; const t0 = performance.now();
        (function loop(t) { n++; if (t - t0 < 2000) requestAnimationFrame(loop); else done(n / ((t - t0) / 1000)); })(t0); })`)) as number;
      figures.push({ name: "frames per second, idle page (anchor)", unit: "fps", median: idle, min: idle, max: idle });
      for (const { rate, pairs } of [
        { rate: 50_000, pairs: 10 },
        { rate: 50_000, pairs: 50 },
        { rate: 100_000, pairs: 10 },
      ]) {
        const what = `${2 * pairs} sockets, ${rate / 1000}k msg/s asked`;
        const samples = [await measureRun(page, server.url, rate, pairs, pids), await measureRun(page, server.url, rate, pairs, pids)];
        const fps = summarize(
          `frames per second, ${what}`,
          "fps",
          samples.map((s) => s.fps),
        );
        const bytes = summarize(
          `WebSocket bytes to the browser, ${what}`,
          "KB/s",
          samples.map((s) => s.bytesPerSecond / 1024),
        );
        const traced = summarize(
          `messages traced (log count / 2), ${what}`,
          "msg/s",
          samples.map((s) => s.messagesPerSecond),
        );
        const share = (k: "serverCpu" | "browserCpu") =>
          summarize(
            `CPU of the ${k === "serverCpu" ? "server and program" : "browser"}, ${what}`,
            "cores",
            samples.map((s) => s[k] / s.seconds),
          );
        const settling = summarize(
          `CPU of the browser in the half second before the run (settled page), ${what}`,
          "cores",
          samples.map((s) => s.settlingCpu),
        );
        figures.push(fps, bytes, traced, share("serverCpu"), share("browserCpu"), settling);
        if (rate === 50_000)
          comparisons.push({
            name: `fps with ${2 * pairs} busy sockets`,
            value: fps.median,
            unit: "fps",
            target: `>= ${FPS_TARGET}`,
            met: fps.median >= FPS_TARGET,
          });
        else
          comparisons.push({
            name: `bytes to the browser at ${rate / 1000}k msg/s`,
            value: bytes.median,
            unit: "KB/s",
            target: `<= ${BYTES_TARGET / 1024} KB/s`,
            met: bytes.median * 1024 <= BYTES_TARGET,
          });
        if (pairs === 50) {
          const layout = samples.flatMap((s) => s.layoutMs);
          if (layout.length === 0) throw new Error("no layout of 100 sockets was recorded");
          const f = summarize("layout of 100 sockets (ELK in a worker)", "ms", layout);
          figures.push(
            f,
            summarize(
              "layout of 100 sockets, asked to answered on the page",
              "ms",
              samples.flatMap((s) => s.layoutWaitMs),
            ),
          );
          comparisons.push({
            name: "layout of 100 sockets",
            value: f.median,
            unit: "ms",
            target: `<= ${LAYOUT_TARGET_MS} ms`,
            met: f.median <= LAYOUT_TARGET_MS,
          });
        }
      }
      notes.push(`after: ${loadNote()}`);
      const js = initialJsBytes();
      figures.push({ name: "initial JS before Monaco (gzip)", unit: "KB", median: js.bytes / 1024, min: js.bytes / 1024, max: js.bytes / 1024 });
      comparisons.push({
        name: "initial JS before Monaco",
        value: js.bytes / 1024,
        unit: "KB gzip",
        target: `<= ${JS_TARGET / 1024} KB`,
        met: js.bytes <= JS_TARGET,
      });
      notes.push(`entry chunks: ${js.files.join(", ")}`);
      notes.push("messages traced counts sends and receives the browser was sent (the server sheds message events when the socket backs up)");
      notes.push("CPU in cores: CPU seconds used during the run / wall seconds; the server's figure includes the sandboxed program");
      notes.push(
        `the page is loaded afresh before each run, and the run starts once the browser uses under ${QUIET_CORES} cores (at most ${SETTLE_MAX_MS / 1000} s): the editor's TypeScript worker starting up took the browser's whole core for the first seconds; \`npx tsx bench/ui-profile.ts\` shows the browser's CPU by thread`,
      );
      return { figures, comparisons, notes };
    } finally {
      await launched.browser.close();
      await launched.server.close();
      await server.stop();
    }
  },
};
export default bench;
await runIfMain(import.meta.url, bench);
