import type { SocketTotals, TraceEvent } from "../../protocol/trace.js";

/**
 * The telemetry channel between the supervisor and one runner process: file descriptor 3, one JSON object per
 * line in each direction. It is the only thing the supervisor assumes about where the runner lives.
 *
 * 1. runner → `ready` as soon as it has started (warm pool slots wait here);
 * 2. supervisor → `job` with already-transpiled JavaScript files;
 * 3. runner → `events` batches while the program runs, `totals` counters, `uncaught` on an uncaught error or rejection;
 *    supervisor → `control` messages at any time after the job (scenarios, live demos);
 * 4. the runner exits with the program's exit code; the supervisor decides the verdict.
 */
export const CHANNEL_FD = 3;

/** After the full-event budget, one message in this many still gets an event, so long runs stay visible. */
export const MESSAGE_SAMPLE_EVERY = 1_000;

export interface RunnerLimits {
  /** Sockets one run may create; libzmq aborts the process on too many fds, so this stays well below nofile. */
  maxSockets: number;
  /** Largest single message (all frames) a socket may send. */
  maxMessageBytes: number;
  /** Full message events per run; after it messages are only counted (and sampled). */
  maxMessageEvents: number;
  /** Telemetry events per second, above which events other than counters are sampled. */
  maxEventsPerSecond: number;
}

export interface JobMessage {
  type: "job";
  runId: string;
  /** Entry file name as the learner wrote it (e.g. main.ts). */
  entry: string;
  /** Learner file name (main.ts) → transpiled ESM JavaScript with an inline source map. */
  files: Record<string, string>;
  limits: RunnerLimits;
  /** Values for the program, readable as `globalThis.__zmqWorkbenchParams` before the entry is imported. */
  params?: Record<string, unknown>;
}

/**
 * A message for the running program: dispatched as `new MessageEvent("control", { data: message })` on
 * `globalThis.__zmqWorkbenchControl` (an EventTarget) in the main thread. Never keeps the program alive.
 */
export interface ControlToRunner {
  type: "control";
  message: unknown;
}
export type SupervisorToRunner = JobMessage | ControlToRunner;

export type RunnerToSupervisor =
  | { type: "ready"; pid: number }
  | { type: "events"; events: TraceEvent[] }
  | { type: "uncaught"; name: string; message: string; stack?: string; limit?: string }
  /** Messages counted per socket (all threads), never sampled: every ~100 ms when they changed, and at exit. */
  | { type: "totals"; totals: Record<string, SocketTotals> };
