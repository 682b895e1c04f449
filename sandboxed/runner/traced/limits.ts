import type { RunnerLimitName, RunnerLimits } from "../channel.js";

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
    readonly limit: RunnerLimitName,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The limit errors this module raised, and which limit each was for. Module-private: the program can construct a
 * LimitError, or change `limit` on one it caught, but only these may name a limit in the runner's report.
 */
const raisedHere = new WeakMap<object, RunnerLimitName>();

export function limitError(limit: RunnerLimitName, message: string): LimitError {
  const err = new LimitError(limit, message);
  raisedHere.set(err, limit);
  return err;
}

/** The limit an error stands for, when the traced module raised it; undefined for anything else. */
export function limitRaisedHere(err: unknown): RunnerLimitName | undefined {
  return typeof err === "object" && err !== null ? raisedHere.get(err) : undefined;
}
