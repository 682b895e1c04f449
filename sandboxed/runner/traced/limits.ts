import type { RunnerLimits } from "../channel.js";

/** Worker threads read the run's limits from here; process.env is copied into each worker at its start. */
export const LIMITS_ENV = "ZMQ_WORKBENCH_LIMITS";

const FALLBACK_LIMITS: RunnerLimits = {
  maxSockets: 64,
  maxMessageBytes: 64 * 1024 * 1024,
  maxMessageEvents: 5_000,
  maxEventsPerSecond: 5_000,
};

export let limits: RunnerLimits = readLimitsFromEnv() ?? FALLBACK_LIMITS;

/** Main thread: applies the job's limits here and passes them on to worker threads. */
export function configureLimits(next: RunnerLimits): void {
  limits = { ...FALLBACK_LIMITS, ...next };
  process.env[LIMITS_ENV] = JSON.stringify(limits);
}

function readLimitsFromEnv(): RunnerLimits | undefined {
  const raw = process.env[LIMITS_ENV];
  if (!raw) return undefined;
  try {
    return { ...FALLBACK_LIMITS, ...(JSON.parse(raw) as Partial<RunnerLimits>) };
  } catch {
    return undefined;
  }
}

/** A workbench limit stopped the program; `limit` names it so the verdict can say which. */
export class LimitError extends Error {
  override name = "LimitError";
  constructor(
    readonly limit: "sockets" | "message-size",
    message: string,
  ) {
    super(message);
  }
}
