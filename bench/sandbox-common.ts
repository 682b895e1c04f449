// Shared by the sandbox benchmarks (no default export, so the bench runner does not run it).
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { TraceEvent } from "../protocol/trace.js";
import { Supervisor } from "../server/sandbox/supervisor.js";
import { DEFAULT_LIMITS, type Limits } from "../server/sandbox/limits.js";
import { printResult } from "./report.js";
import type { Benchmark } from "./types.js";

/** One PUSH/PULL round trip over tcp: the smallest program that exercises the whole pipeline. */
export const ROUND_TRIP = `
import * as zmq from "zeromq";
const pull = new zmq.Pull();
await pull.bind("tcp://127.0.0.1:5555");
const push = new zmq.Push();
push.connect("tcp://127.0.0.1:5555");
await push.send("ping");
await pull.receive();
push.close();
pull.close();`;

/** A PUSH/PULL flood of three seconds: a classroom demo that keeps spectators busy. */
export const BUSY_RUN = `
import * as zmq from "zeromq";
const push = new zmq.Push(); await push.bind("inproc://work");
const pull = new zmq.Pull(); pull.connect("inproc://work");
const until = Date.now() + 3000;
(async () => { for await (const _ of pull) if (Date.now() > until) break; })();
let n = 0;
while (Date.now() < until) { await push.send("task " + n++); if (n % 200 === 0) await new Promise((r) => setTimeout(r, 1)); }
push.close(); pull.close();
`;

export async function benchSupervisor(limits: Partial<Limits>): Promise<Supervisor> {
  return Supervisor.create({ driver: process.env.SANDBOX ?? "auto", limits: { ...DEFAULT_LIMITS, CONCURRENT_RUNS: 2, ...limits } });
}

/** Runs `source` once; resolves with ms from submit to the first runner event (if any) and to run/exit. */
export async function timedRun(
  supervisor: Supervisor,
  source: string,
): Promise<{ firstEventMs: number | undefined; exitMs: number; exit: TraceEvent; stderr: string }> {
  const started = performance.now();
  let firstEventMs: number | undefined;
  let stderr = "";
  const ticket = await supervisor.submit({ runId: randomUUID(), files: { "main.js": source } }, (events) => {
    if (firstEventMs === undefined && events.some((e) => e.type.startsWith("socket/"))) firstEventMs = performance.now() - started;
    for (const e of events) if (e.type === "console" && e.stream === "stderr") stderr += e.text;
  });
  const exit = await ticket.done;
  return { firstEventMs, exitMs: performance.now() - started, exit, stderr };
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of every runner process alive now, in MiB. */
export function runnerRssMiB(): number[] {
  const sizes: number[] = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      // The node process itself, not the prlimit, sh or bwrap wrappers whose arguments also name the runner.
      if (!argv[0].endsWith("node") || !argv.some((a) => a.endsWith("runner.mjs"))) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (rss) sizes.push(Number(rss[1]) / 1024);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return sizes;
}

/** Lets `npx tsx bench/sandbox-x.ts` run one benchmark alone and print its table. */
export async function runIfMain(moduleUrl: string, bench: Benchmark): Promise<void> {
  if (!process.argv[1] || pathToFileURL(process.argv[1]).href !== moduleUrl) return;
  const started = performance.now();
  printResult(bench.name, await bench.run(), (performance.now() - started) / 1000);
}
