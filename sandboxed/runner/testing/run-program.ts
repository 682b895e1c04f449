import { spawn } from "node:child_process";
import type { Duplex } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SocketTotals, TraceEvent } from "../../../protocol/trace.js";
import { buildRunner, type RunnerBundle } from "../../../server/sandbox/runner-bundle.js";
import { ChannelReader } from "../../../server/sandbox/channel-reader.js";
import { LineSplitter } from "../../../server/sandbox/line-splitter.js";
import { jobMessage } from "../../../server/sandbox/supervised-run.js";
import { transpileProgram } from "../../../server/sandbox/transpile.js";
import { CHANNEL_BOUNDS, CHANNEL_FD, type RunnerLimits, type RunnerToSupervisor } from "../channel.js";

export interface ProgramRun {
  events: TraceEvent[];
  /** The last totals message. */
  totals: Record<string, SocketTotals>;
  uncaught?: Extract<RunnerToSupervisor, { type: "uncaught" }>;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Every channel message in order, `ready` included, as the server's channel reader accepts them. */
  messages: RunnerToSupervisor[];
  /** Channel lines the server's reader would drop (no key, or out of the channel's bounds or schema). */
  rejected: number;
}

export const TEST_LIMITS: RunnerLimits = { maxSockets: 64, maxMessageBytes: 1 << 20, maxMessageEvents: 1000, maxEventsPerSecond: 10_000 };

/**
 * Runs a program in the built runner without a sandbox, the way the supervisor talks to it: the server's transpile,
 * job line and channel reader (key, bounds, schema), without its isolation, limits or trace processing.
 */
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
  const job = jobMessage(
    {
      runId: "test",
      entry: options.entry ?? Object.keys(files)[0],
      files: await transpileProgram(files),
      ...(options.params ? { params: options.params } : {}),
    },
    { ...TEST_LIMITS, ...options.limits },
  );
  const workDir = mkdtempSync(join(tmpdir(), "zmq-runner-test-"));
  const child = spawn(process.execPath, ["--enable-source-maps", "--import", bundle.register, bundle.runner], {
    cwd: workDir,
    env: { PATH: process.env.PATH ?? "/usr/bin", HOME: workDir, LANG: "C.UTF-8" },
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const run: ProgramRun = { events: [], totals: {}, code: null, signal: null, stdout: "", stderr: "", messages: [], rejected: 0 };
  const channel = child.stdio[CHANNEL_FD] as Duplex;
  const lines = new LineSplitter(CHANNEL_BOUNDS.LINE_BYTES + CHANNEL_BOUNDS.KEY_CHARS + 1);
  const reader = new ChannelReader();
  channel.on("data", (chunk: Buffer) => {
    for (const line of lines.push(chunk)) {
      const message = reader.read(line);
      if (typeof message === "string") {
        run.rejected++;
        continue;
      }
      run.messages.push(message);
      if (message.type === "ready") sendJob(channel, { ...job, key: reader.newKey() }, options.control ?? []);
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
