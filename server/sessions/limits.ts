/** Classroom session limits, with units in the names. */
export const SESSION_LIMITS = {
  SESSION_MAX_MS: 30 * 60_000, // a session lasts at most one lesson's demo
  SESSION_IDLE_MS: 10 * 60_000, // closed after this long with no run or view change
  PRESENTER_GONE_MS: 2 * 60_000, // closed when the presenter has been disconnected this long
  SESSIONS: 100, // open sessions on one server
  SPECTATORS: 300, // spectators per session
  RECORDED_EVENTS: 50_000, // events kept for late joiners; past it message events are no longer kept
  SPECTATOR_BACKLOG_BYTES: 1024 * 1024, // a spectator this far behind gets lifecycle events only until it catches up
} as const;
