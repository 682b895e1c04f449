import type { RunnerLimits } from "../runner/channel.js";

/**
 * Every limit a run is held to, with its unit in the name. Each can be overridden by an environment variable
 * of the same name prefixed with `WB_` (e.g. `WB_RUN_WALL_MS=20000`).
 */
export const DEFAULT_LIMITS = {
  RUN_WALL_MS: 10_000, // wall-clock time of one run
  RUN_WALL_MAX_MS: 30 * 60_000, // the most a caller may ask for (classroom demos)
  RUN_CPU_S: 10, // CPU seconds (prlimit --cpu); wall time usually stops a run first
  ADDRESS_SPACE_BYTES: 1536 * 1024 * 1024, // 1.5 GiB; Node + zeromq need at least 768 MiB of address space
  V8_HEAP_MB: 256, // --max-old-space-size
  CGROUP_MEMORY_BYTES: 512 * 1024 * 1024, // where a memory cgroup is writable
  PROCESSES: 64, // tasks (processes and threads) in the run's pid namespace / cgroup
  OPEN_FILES: 256, // prlimit --nofile
  FILE_WRITE_BYTES: 8 * 1024 * 1024, // prlimit --fsize, for the run's private /tmp
  OUTPUT_BYTES: 256 * 1024, // stdout + stderr shown to the learner
  SOCKETS: 64, // zeromq sockets per run, enforced in the traced module well below OPEN_FILES
  MESSAGE_BYTES: 64 * 1024 * 1024, // one message, all frames
  MESSAGE_EVENTS: 5_000, // full message events per run before sampling
  EVENTS_PER_SECOND: 5_000, // telemetry rate before sampling
  TELEMETRY_BYTES: 32 * 1024 * 1024, // telemetry one run may send in total
  CONCURRENT_RUNS: 8, // runs at once; more wait in a queue
  QUEUE_LENGTH: 32, // runs waiting; more are refused as busy
  WARM_POOL_SIZE: 2, // pre-started sandboxes waiting for a job
  RUNS_PER_CLIENT_PER_MINUTE: 60, // rate limit per WebSocket client address
} as const;

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Limits> = {}): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof Limits)[]) {
    const raw = env[`WB_${key}`];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`WB_${key} must be a positive number, got "${raw}"`);
    limits[key] = value;
  }
  return { ...limits, ...overrides };
}

export function runnerLimits(limits: Limits): RunnerLimits {
  return {
    maxSockets: limits.SOCKETS,
    maxMessageBytes: limits.MESSAGE_BYTES,
    maxMessageEvents: limits.MESSAGE_EVENTS,
    maxEventsPerSecond: limits.EVENTS_PER_SECOND,
  };
}
