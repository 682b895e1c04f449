import { spawn } from "node:child_process";
import type { Duplex } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SocketTotals, TraceEvent } from "../../../protocol/trace.js";
import { buildRunner, type RunnerBundle } from "../../../server/sandbox/runner-bundle.js";
import { transpileProgram } from "../../../server/sandbox/transpile.js";
import { CHANNEL_FD, type RunnerLimits, type RunnerToSupervisor } from "../channel.js";

export interface ProgramRun {
  events: TraceEvent[];
  /** The last totals message. */
  totals: Record<string, SocketTotals>;
  uncaught?: Extract<RunnerToSupervisor, { type: "uncaught" }>;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Every channel message in order, `ready` included. */
  messages: RunnerToSupervisor[];
}

export const TEST_LIMITS: RunnerLimits = { maxSockets: 64, maxMessageBytes: 1 << 20, maxMessageEvents: 1000, maxEventsPerSecond: 10_000 };

/** The channel key this harness gives every run; the runner starts each line after the job with it. */
const TEST_KEY = "0123456789abcdef0123456789abcdef";

/** Runs a program in the built runner without a sandbox, the way the supervisor talks to it. */
export async function runProgram(
  files: Record<string, string>,
  options: {
    entry?: string;
    limits?: Partial<RunnerLimits>;
    timeoutMs?: number;
    params?: Record<string, unknown>;
    /** The runner bundle to use; by default buildRunner()'s. */
    bundle?: RunnerBundle;
    /** Control messages, each sent `afterMs` after the job (0: in the same write as the job). */
    control?: { afterMs: number; message: unknown }[];
  } = {},
): Promise<ProgramRun> {
  const bundle = options.bundle ?? (await buildRunner());
  const job = {
    type: "job" as const,
    runId: "test",
    entry: options.entry ?? Object.keys(files)[0],
    files: await transpileProgram(files),
    limits: { ...TEST_LIMITS, ...options.limits },
    key: TEST_KEY,
    ...(options.params ? { params: options.params } : {}),
  };
  const workDir = mkdtempSync(join(tmpdir(), "zmq-runner-test-"));
  const child = spawn(process.execPath, ["--enable-source-maps", "--import", bundle.register, bundle.runner], {
    cwd: workDir,
    env: { PATH: process.env.PATH ?? "/usr/bin", HOME: workDir, LANG: "C.UTF-8" },
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const run: ProgramRun = { events: [], totals: {}, code: null, signal: null, stdout: "", stderr: "", messages: [] };
  const channel = child.stdio[CHANNEL_FD] as Duplex;
  let pending = "";
  channel.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    let newline: number;
    while ((newline = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, newline);
      const message = JSON.parse(line.startsWith(`${TEST_KEY} `) ? line.slice(TEST_KEY.length + 1) : line) as RunnerToSupervisor;
      pending = pending.slice(newline + 1);
      run.messages.push(message);
      if (message.type === "ready") sendJob(channel, job, options.control ?? []);
      if (message.type === "events") for (const event of message.events) run.events.push(event as TraceEvent);
      if (message.type === "totals") run.totals = message.totals;
      if (message.type === "uncaught") run.uncaught = message;
    }
  });
  channel.on("error", () => {});
  child.stdout!.on("data", (b: Buffer) => (run.stdout += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (run.stderr += b.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 10_000);
  await new Promise<void>((resolve) =>
    child.on("close", (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve();
    }),
  );
  clearTimeout(timer);
  rmSync(workDir, { recursive: true, force: true });
  return run;
}

function sendJob(channel: Duplex, job: object, control: { afterMs: number; message: unknown }[]): void {
  const line = (message: object): string => `${JSON.stringify(message)}\n`;
  const immediate = control.filter((c) => c.afterMs === 0).map((c) => line({ type: "control", message: c.message }));
  channel.write(line(job) + immediate.join(""));
  for (const c of control.filter((c) => c.afterMs > 0)) {
    setTimeout(() => channel.write(line({ type: "control", message: c.message })), c.afterMs);
  }
}

export function eventsOfType<T extends TraceEvent["type"]>(run: ProgramRun, type: T): Extract<TraceEvent, { type: T }>[] {
  return run.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}
