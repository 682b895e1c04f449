import type { RunnerLimits } from "../../sandboxed/runner/channel.js";
import { numbersFromEnv } from "../env-numbers.js";

/**
 * Every limit a run is held to, with its unit in the name. Each can be overridden by an environment variable
 * of the same name prefixed with `WB_` (e.g. `WB_RUN_WALL_MS=20000`).
 */
export const DEFAULT_LIMITS = {
  RUN_WALL_MS: 10_000, // wall-clock time of one run
  RUN_WALL_MAX_MS: 30 * 60_000, // the most a presenter of a classroom session may ask for (long demos)
  RUN_WALL_CLIENT_MAX_MS: 6 * 60_000, // the most anyone else may ask for: a scenario's default 5 minutes and its grace
  // CPU seconds (prlimit --cpu): a backstop behind the wall-time limit, never below the longest demo (30 min at
  // one busy core), so a scenario at full rate runs to its end; it stops only what the wall-time kill missed.
  RUN_CPU_S: 30 * 60,
  // 8 GiB of address space, only for a run without a memory cgroup (WebAssembly reserves far more than it uses):
  // each V8 isolate (main, the hooks thread, each worker) reserves ~600 MiB it never touches, and at 4 GiB a program
  // with two worker threads died at start ("Failed to reserve virtual memory for CodeRange"); six measured 5.2 GB.
  ADDRESS_SPACE_BYTES: 8 * 1024 * 1024 * 1024,
  V8_HEAP_MB: 256, // --max-old-space-size without a memory cgroup; in one, twice its limit, so the cgroup trips first
  CGROUP_MEMORY_BYTES: 512 * 1024 * 1024, // resident memory of the whole run, where a memory cgroup is writable
  PROCESSES: 64, // tasks (processes and threads): cgroup pids.max (prlimit --nproc twice that), or --nproc without one
  // prlimit --nofile. Measured in the sandbox: Node and the context start with ~30; each socket costs 1, each tcp/ipc
  // one 4 (its traced monitor is 2 more libzmq sockets, plus the listener) and each tcp connection 1 per side, so
  // 64 sockets that each bind and connect need ~420. libzmq aborts when it runs out, so SOCKETS must come first.
  OPEN_FILES: 1024,
  FILE_WRITE_BYTES: 8 * 1024 * 1024, // prlimit --fsize: the largest file the program may write
  TMP_BYTES: 32 * 1024 * 1024, // size of the sandbox's private /tmp (bwrap tmpfs), all files together
  OUTPUT_BYTES: 256 * 1024, // stdout + stderr shown to the learner, at once; the budget then grows by the next line
  OUTPUT_BYTES_PER_MINUTE: 1024 * 1024, // so a 30-minute demo that prints as it goes is never cut, while a flood is
  SOCKETS: 64, // zeromq sockets open at once per run, enforced in the traced module well below OPEN_FILES
  MESSAGE_BYTES: 64 * 1024 * 1024, // one message, all frames
  MESSAGE_EVENTS: 5_000, // full message events per run before sampling
  EVENTS_PER_SECOND: 5_000, // telemetry rate before sampling
  TELEMETRY_BYTES: 32 * 1024 * 1024, // telemetry one run may send at once, counted on the bytes received
  TELEMETRY_BYTES_PER_MINUTE: 8 * 1024 * 1024, // its growth over time: busy scenarios send ~10–40 KB/s for 30 minutes
  TRACE_HELD_EVENTS: 10_000, // events held back behind a receive whose send has not arrived yet; beyond, they go on
  TRACE_HOLD_MS: 200, // trace ms a receive waits for its send (worker threads report ~25 ms late)
  TRACE_SENDS_KEPT: 512, // recorded sends per socket remembered to match receives to; older ones are forgotten
  // trace ms an event waits for earlier ones still on their way (threads and child processes report in batches
  // tens of ms late; console output comes by another pipe), so the timeline never shows an effect before its cause
  ORDER_WINDOW_MS: 150,
  ORDER_HELD_EVENTS: 10_000, // events waiting in that window at once; beyond, the earliest go on at once (a flood)
  DROP_SENDS_KEPT: 10_000, // sends per publisher or ROUTER kept to judge lost messages at the run's end
  ENDED_KEPT_PER_ADDRESS: 64, // ended binds or connects per address kept for batches that arrive late
  BROWSER_BACKLOG_BYTES: 1024 * 1024, // unsent trace bytes to a browser past which message events are shed
  RECORDED_EVENTS: 200_000, // events kept per run for its lesson check (console and message events first to go)
  CONTROL_MESSAGE_BYTES: 64 * 1024, // one control message to a running program, as JSON
  CONTROL_MESSAGES_PER_SECOND: 50, // control messages to one run, per second (and as a burst)
  PROGRAM_BYTES: 256 * 1024, // source of all files of one program (never above protocol's MAX_PROGRAM_BYTES)
  PROGRAM_FILES: 16, // files in one program (never above protocol's MAX_FILES)
  CONCURRENT_RUNS: 8, // runs at once; more wait in a queue
  QUEUE_LENGTH: 32, // runs waiting; more are refused as busy
  WARM_POOL_SIZE: 2, // pre-started sandboxes waiting for a job
  STAGING_STALE_MS: 15 * 60_000, // on start, a staging folder ($TMPDIR/zmq-workbench-<uid>/app-*) this old whose server is gone is removed
  RUNS_PER_CLIENT_PER_MINUTE: 60, // rate limit per client address
  RUNS_PER_CLIENT: 16, // runs one client address may have running and queued at once (a class behind one NAT shares it); the queue takes addresses in turn
  RUNS_PER_TAB: 2, // runs one browser tab may have running and queued at once; an address's turns go to its tabs in turn
} as const;

/** Limits where 0 means something sensible (no warm pool, no queue). */
const ZERO_ALLOWED = new Set<string>(["WARM_POOL_SIZE", "QUEUE_LENGTH", "OUTPUT_BYTES_PER_MINUTE", "TELEMETRY_BYTES_PER_MINUTE"]);

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Limits> = {}): Limits {
  return numbersFromEnv(DEFAULT_LIMITS, ZERO_ALLOWED, env, overrides);
}

/**
 * How much of a volume budget (output, telemetry) a run has earned after `elapsedMs`: the burst at once, then a
 * steady allowance per minute. A flood spends the burst in a moment and is stopped; a long demo never catches up.
 */
export function budgetAt(burstBytes: number, bytesPerMinute: number, elapsedMs: number): number {
  return burstBytes + (bytesPerMinute * Math.max(0, elapsedMs)) / 60_000;
}

export function runnerLimits(limits: Limits): RunnerLimits {
  return {
    maxSockets: limits.SOCKETS,
    maxMessageBytes: limits.MESSAGE_BYTES,
    maxMessageEvents: limits.MESSAGE_EVENTS,
    maxEventsPerSecond: limits.EVENTS_PER_SECOND,
  };
}
