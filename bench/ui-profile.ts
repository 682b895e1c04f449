// A CPU profile of the page's main thread during one busy run of the browser benchmark's program: the hot functions
// by self time, and where the main thread's time went (script, layout, style) from Chromium's own counters.
// Run: `npx tsx bench/ui-profile.ts [pairs] [rate]` after `npx vite build` (WEB_DIR may point at an unminified build,
// e.g. `npx vite build --minify false --outDir /tmp/dist-plain`, so that function names read).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { browserQuiet } from "./browser-quiet.js";
import { loadNote } from "./placement.js";
import { startServer } from "./server-process.js";
import { busyProgram, RUN_SECONDS } from "./ui-program.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** CPU seconds by "process type / thread name" over a process and its descendants (Linux /proc). */
function threadCpu(pid: number | undefined, into = new Map<string, number>()): Map<string, number> {
  if (!pid || !existsSync(`/proc/${pid}`)) return into;
  const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? "browser";
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).replace(/\d+$/, "#");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const key = `${type} / ${name}`;
      into.set(key, (into.get(key) ?? 0) + (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      /* the thread ended */
    }
  }
  const children = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(children)) for (const c of readFileSync(children, "utf8").trim().split(/\s+/).filter(Boolean)) threadCpu(Number(c), into);
  return into;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread time: what the event cost the main thread, not counting time the machine gave to others. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: {
    name?: string;
    data?: { url?: string; nodeName?: string; reason?: string };
    beginData?: { dirtyObjects?: number; totalObjects?: number };
    endData?: { layoutRoots?: Array<{ nodeName: string }> };
  };
}

/** Main-thread time by trace event name, counting each event's own time (minus its children), in ms per second. */
function printTimeline(events: TraceEvent[], wallSeconds: number): void {
  const main = events.find(
    (e) => e.name === "CrRendererMain" || (e.name === "thread_name" && (e as { args?: { name?: string } }).args?.name === "CrRendererMain"),
  );
  const complete = events.filter((e) => e.ph === "X" && e.tdur !== undefined && (!main || (e.tid === main.tid && e.pid === main.pid)));
  const byName = new Map<string, number>();
  for (const e of complete) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? 0));
  const ranked = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
  const tasks = complete
    .filter((e) => e.name === "RunTask")
    .map((e) => (e.tdur ?? 0) / 1000)
    .sort((a, b) => a - b);
  const long = tasks.filter((ms) => ms > 16);
  console.log(
    `main-thread tasks: ${tasks.length}, p50 ${tasks[tasks.length >> 1]?.toFixed(1)} ms, p99 ${tasks[Math.floor(tasks.length * 0.99)]?.toFixed(1)} ms, max ${tasks.at(-1)?.toFixed(1)} ms; over 16 ms: ${long.length} (${long.reduce((a, b) => a + b, 0).toFixed(0)} ms)`,
  );
  const invalidated = new Map<string, number>();
  for (const e of events)
    if (e.name === "LayoutInvalidationTracking" && (!main || (e.tid === main.tid && e.pid === main.pid))) {
      const frames = (e.args?.data as { stackTrace?: Array<{ functionName: string; lineNumber: number }> } | undefined)?.stackTrace ?? [];
      const key = `${e.args?.data?.reason} at ${e.args?.data?.nodeName} from ${
        frames
          .slice(0, 3)
          .map((f) => `${f.functionName}:${f.lineNumber}`)
          .join(" < ") || "?"
      }`;
      invalidated.set(key, (invalidated.get(key) ?? 0) + 1);
    }
  const top = (entries: Array<[string, number]>) =>
    entries
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, n]) => `${n}× ${k}`)
      .join("; ");
  if (invalidated.size) {
    console.log(`layout invalidations: ${top([...invalidated])}`);
    // The graph's SVG outnumbers the rest; what the page's HTML invalidates is listed apart.
    console.log(`layout invalidations outside SVG: ${top([...invalidated].filter(([k]) => !k.startsWith("SVG changed")))}`);
  }
  const roots = new Map<string, { n: number; us: number; dirty: number }>();
  for (const l of complete.filter((e) => e.name === "Layout")) {
    const root = l.args?.endData?.layoutRoots?.map((r) => r.nodeName).join(" + ") ?? "?";
    const r = roots.get(root) ?? { n: 0, us: 0, dirty: 0 };
    roots.set(root, { n: r.n + 1, us: r.us + (l.tdur ?? 0), dirty: r.dirty + (l.args?.beginData?.dirtyObjects ?? 0) });
  }
  for (const [root, r] of [...roots].sort((a, b) => b[1].us - a[1].us).slice(0, 5))
    console.log(`layouts at ${root}: ${r.n}, ${(r.us / 1000).toFixed(0)} ms thread time, ${Math.round(r.dirty / r.n)} dirty objects each`);
  const workers = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "DedicatedWorker thread").map((e) => `${e.pid}:${e.tid}`));
  const inWorkers = new Map<string, number>();
  for (const e of events)
    if (e.ph === "X" && workers.has(`${e.pid}:${e.tid}`) && e.args?.data?.url) {
      const key = e.args.data.url.split("/").pop() ?? "";
      inWorkers.set(key, (inWorkers.get(key) ?? 0) + (e.tdur ?? 0));
    }
  for (const [url, us] of [...inWorkers].sort((a, b) => b[1] - a[1]).slice(0, 4))
    console.log(`worker script ${url}: ${(us / 1000 / wallSeconds).toFixed(1)} ms per second`);
  console.log(`main thread by trace event (inclusive thread time), ms per second of run:`);
  for (const [name, us] of ranked) console.log(`${(us / 1000 / wallSeconds).toFixed(1).padStart(7)}  ${name}`);
}

const pairs = Number(process.argv[2] ?? 10);
const rate = Number(process.argv[3] ?? 50_000);
/** PROFILE_IDLE=1: the same page and time, without running the program (what the page costs on its own). */
const idle = process.env.PROFILE_IDLE === "1";
/** PROFILE_INVALIDATIONS=1: also what invalidated layout, by element (this tracking slows DOM changes a lot). */
const invalidations = process.env.PROFILE_INVALIDATIONS === "1";
const top = Number(process.env.PROFILE_TOP ?? 25);

const server = await startServer({ WB_SOCKETS: "128", ...(process.env.WEB_DIR ? { WEB_DIR: process.env.WEB_DIR } : {}) });
const browserServer = await chromium.launchServer({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const browser = await chromium.connect(browserServer.wsEndpoint());
const browserPid = browserServer.process().pid;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const res = await fetch(`${server.url}/api/shares`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ files: { "main.ts": busyProgram(rate, pairs) } }),
  });
  const { url } = (await res.json()) as { url: string };
  await page.goto(`${server.url}${url}`);
  await page.getByRole("button", { name: "Run", exact: true }).waitFor();
  await browserQuiet(browserPid);
  if (process.env.PROFILE_CSS) await page.addStyleTag({ content: process.env.PROFILE_CSS });
  // PROFILE_SCRIPT: JS run in the page before the run, to try a change without a build (e.g. a DOM setter made a no-op).
  if (process.env.PROFILE_SCRIPT) await page.evaluate(process.env.PROFILE_SCRIPT);
  // What the page writes into the graph during the run: attribute and child changes by element and attribute.
  await page.evaluate(
    `window.__writes = {}; new MutationObserver((records) => { for (const r of records) { const t = r.target.nodeType === 1 ? r.target : r.target.parentElement; const key = (t?.tagName ?? "?") + "." + (t?.getAttribute?.("class") ?? "").split(" ")[0] + " " + (r.attributeName ?? r.type); window.__writes[key] = (window.__writes[key] ?? 0) + 1; } }).observe(document.querySelector(".graph-host"), { attributes: true, childList: true, characterData: true, subtree: true });`,
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  const metrics = async () =>
    Object.fromEntries(
      ((await cdp.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> }).metrics.map((m) => [m.name, m.value]),
    );
  await cdp.send("Profiler.start");
  const traceEvents: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => traceEvents.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", {
    categories: `devtools.timeline,disabled-by-default-devtools.timeline${invalidations ? ",disabled-by-default-devtools.timeline.invalidationTracking" : ""}`,
    transferMode: "ReportEvents",
  });
  const m0 = await metrics();
  const threads0 = threadCpu(browserPid);
  if (idle) await page.waitForTimeout(RUN_SECONDS * 1000 + 1000);
  else {
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.locator('[data-run-status="done"], [data-run-status="failed"]').waitFor({ timeout: 60_000 });
  }
  const m1 = await metrics();
  const threads1 = threadCpu(browserPid);
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
  const traced = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
  await cdp.send("Tracing.end");
  await traced;
  const wall = m1.Timestamp - m0.Timestamp;
  const share = (k: string) => `${k} ${((m1[k] - m0[k]) / wall).toFixed(3)}`;
  const logged = Number(await page.getByRole("region", { name: "Messages" }).locator(".count").textContent());
  console.log(`messages in the log count: ${logged} (${(logged / wall).toFixed(0)} per second of run)`);
  const layoutsDone = (await page.evaluate("window.__workbench?.layouts ?? []")) as Array<{ nodes: number; ms: number }>;
  console.log(`${idle ? "idle page, no run" : "run"}; graph layouts (ELK) ${layoutsDone.length}: ${layoutsDone.map((l) => Math.round(l.ms)).join(" ")} ms`);
  console.log(`${2 * pairs} sockets, ${rate / 1000}k msg/s asked; ${wall.toFixed(1)} s; ${loadNote()}`);
  console.log(`main thread, seconds per second: ${["TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration"].map(share).join(", ")}`);
  console.log(`layouts ${m1.LayoutCount - m0.LayoutCount}, style recalcs ${m1.RecalcStyleCount - m0.RecalcStyleCount}, DOM nodes ${m1.Nodes}`);

  printTimeline(traceEvents, wall);
  const writes = (await page.evaluate("window.__writes")) as Record<string, number>;
  console.log(
    `graph DOM writes: ${Object.entries(writes)
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.PROFILE_WRITES ?? 10))
      .map(([k, n]) => `${n}× ${k}`)
      .join(", ")}`,
  );
  const spent = [...threads1].map(([k, v]) => [k, v - (threads0.get(k) ?? 0)] as const).filter(([, v]) => v > 0);
  const total = spent.reduce((t, [, v]) => t + v, 0);
  console.log(`browser CPU ${(total / wall).toFixed(2)} cores; by process type and thread, cores:`);
  for (const [k, v] of spent.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${(v / wall).toFixed(3).padStart(7)}  ${k}`);
  console.log(
    await page.evaluate(
      `JSON.stringify(Object.fromEntries([".editor-pane", ".console-pane, [aria-label=Console]", ".graph-pane", ".message-pane", ".inspector-pane", ".timeline", ".visually-hidden", "body"].map((s) => [s, [...document.querySelectorAll(s)].reduce((n, e) => n + e.querySelectorAll("*").length, 0)])))`,
    ),
  );

  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const file = f.url.split("/").pop() ?? "";
    const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const totalUs = profile.endTime - profile.startTime;
  const ranked = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log("self time, ms (share of the profiled wall time):");
  for (const [name, us] of ranked) console.log(`${(us / 1000).toFixed(0).padStart(7)}  ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${name}`);
  const out = join(tmpdir(), `ui-profile-${2 * pairs}-${Date.now()}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile: ${out} (${RUN_SECONDS} s program)`);
} finally {
  await browser.close();
  await browserServer.close();
  await server.stop();
}
