import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { RunExit, TraceEvent } from "../../../protocol/trace.js";
import { bwrapDriver } from "../drivers/bwrap.js";
import { DEFAULT_LIMITS, type Limits } from "../limits.js";
import type { Supervisor, RunTicket } from "../supervisor.js";
import { appendAll } from "../../util/append-all.js";

/** Set to 1 to let bwrap-specific tests skip on a machine without bubblewrap; otherwise they fail loudly. */
export const SKIP_BWRAP_ENV = "WB_TEST_SKIP_BWRAP";

/** Why bwrap-specific tests are skipped (opted out explicitly), or undefined to run them. */
export async function bwrapSkipReason(): Promise<string | undefined> {
  const reason = await bwrapDriver.unavailableReason();
  if (!reason) return undefined;
  if (process.env[SKIP_BWRAP_ENV] === "1") return reason;
  throw new Error(`${reason}\nThe sandbox tests need bubblewrap. Install it, or set ${SKIP_BWRAP_ENV}=1 to skip them knowingly.`);
}

/** Small, fast limits for tests: short wall time, a small heap and cgroup. */
export function testLimits(overrides: Partial<Limits> = {}): Limits {
  return {
    ...DEFAULT_LIMITS,
    RUN_WALL_MS: 5_000,
    CONCURRENT_RUNS: 2,
    WARM_POOL_SIZE: 1,
    V8_HEAP_MB: 128,
    CGROUP_MEMORY_BYTES: 384 * 1024 * 1024,
    ...overrides,
  };
}

export interface Outcome {
  exit: RunExit;
  events: TraceEvent[];
  stdout: string;
  stderr: string;
}

/** Runs one JavaScript program (main.js) and collects what the learner would see. */
export async function runProgram(
  supervisor: Supervisor,
  source: string,
  options: { timeoutMs?: number; onTicket?: (t: RunTicket, events: TraceEvent[]) => void } = {},
): Promise<Outcome> {
  const events: TraceEvent[] = [];
  const ticket = await supervisor.submit({ runId: randomUUID(), files: { "main.js": source }, timeoutMs: options.timeoutMs }, (batch) =>
    appendAll(events, batch),
  );
  options.onTicket?.(ticket, events);
  const exit = await ticket.done;
  const text = (stream: string) => events.map((e) => (e.type === "console" && e.stream === stream ? e.text : "")).join("");
  return { exit, events, stdout: text("stdout"), stderr: text("stderr") };
}

/** The first JSON line the program printed. */
export function printed<T>(outcome: Outcome): T {
  const line = outcome.stdout.split("\n").find((l) => l.startsWith("{"));
  if (!line) throw new Error(`the program printed no JSON; exit: ${outcome.exit.message}; stderr: ${outcome.stderr.slice(0, 500)}`);
  return JSON.parse(line) as T;
}

/** Host processes whose command line contains `marker` (the sandbox cannot hide its processes from the host). */
export function hostProcessesWith(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ").includes(marker)) found.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

export async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}
