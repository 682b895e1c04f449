import { numbersFromEnv } from "./env-numbers.js";

/**
 * Every limit of the server outside a run itself (run limits live in `sandbox/limits.ts`), with its unit in the
 * name. Each can be overridden by an environment variable of the same name prefixed with `WB_`
 * (e.g. `WB_SHARE_STORAGE_BYTES=2000000000`). "Per address" means per client address: `request.ip`, which is the
 * forwarded address when `TRUST_PROXY` names the proxy in front.
 */
export const DEFAULT_SERVER_LIMITS = {
  // Classroom sessions
  SESSION_MAX_MS: 30 * 60_000, // a session lasts at most one lesson's demo
  SESSION_IDLE_MS: 10 * 60_000, // closed after this long with no run or view change
  PRESENTER_GONE_MS: 2 * 60_000, // closed when the presenter has been disconnected this long
  SESSIONS: 100, // open sessions on one server
  SESSIONS_PER_ADDRESS: 10, // open sessions presented from one address (a school's teachers may share one NAT)
  SPECTATORS: 300, // spectators per session
  SPECTATORS_PER_ADDRESS: 60, // seats of one session taken from one address (a class of 40 behind one NAT fits)
  JOIN_MISSES_PER_ADDRESS_PER_MINUTE: 30, // unknown join codes tried; past it every lookup from there waits
  SESSION_TRACE_BYTES: 8 * 1024 * 1024, // trace JSON a session keeps for late joiners; older events are summarised
  SPECTATOR_BACKLOG_BYTES: 4 * 1024 * 1024, // unsent bytes a spectator may fall behind by before it is dropped
  // Shared programs
  SHARES_PER_ADDRESS_PER_MINUTE: 20, // POST /api/shares
  SHARE_STORAGE_BYTES: 1024 * 1024 * 1024, // all shares together; past it new shares are refused (identical ones still resolve)
  SHARE_UNOPENED_TTL_DAYS: 0, // 0 keeps every share; else shares nobody opened are deleted after this many days
  // Run traces shared beside a link
  SHARED_TRACE_BYTES: 2 * 1024 * 1024, // one trace as sent (POST /api/traces); a proxy in front must let it through (nginx client_max_body_size)
  TRACES_PER_ADDRESS_PER_MINUTE: 20, // POST /api/traces, as many as shares: each link with a trace makes one of each
  TRACE_STORAGE_BYTES: 1024 * 1024 * 1024, // all shared traces together; past it new ones are refused (links already made still open)
  // A node of several
  DRAIN_MS: 60_000, // a node told to stop (SIGTERM) waits this long for its runs, then stops the rest
  NODE_SILENT_MS: 15_000, // with Redis, a node not heard from this long is gone: the runs, sessions and seats it counted per address are freed
} as const;

/** Limits where 0 means something sensible (off). */
const ZERO_ALLOWED = new Set<string>(["SHARE_UNOPENED_TTL_DAYS"]);

export type ServerLimits = { -readonly [K in keyof typeof DEFAULT_SERVER_LIMITS]: number };

export function serverLimitsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerLimits> = {}): ServerLimits {
  return numbersFromEnv(DEFAULT_SERVER_LIMITS, ZERO_ALLOWED, env, overrides);
}
