import { Type, type Static } from "@sinclair/typebox";
import { SocketTotals } from "../../protocol/trace.js";

/**
 * The telemetry channel between the supervisor and one runner process: file descriptor 3, one JSON object per
 * line in each direction. The one contract both ends import: the runner to write and check the job, the
 * supervisor to check every line (the learner's program holds fd 3 too, so every line is hostile until checked).
 *
 * 1. runner → `ready` as soon as it has started (warm pool slots wait here);
 * 2. supervisor → `job` with already-transpiled JavaScript files and the run's channel key;
 * 3. runner → `events` batches while the program runs, `totals` counters, `uncaught` on an uncaught error or
 *    rejection; each line after the job starts with the key (`<key> <json>`);
 *    supervisor → `control` messages at any time after the job (scenarios, live demos);
 * 4. the runner exits with the program's exit code; the supervisor decides the verdict.
 */
export const CHANNEL_FD = 3;

/** After the full-event budget, one message in this many still gets an event, so long runs stay visible. */
export const MESSAGE_SAMPLE_EVERY = 1_000;

/** Bounds every runner line is held to before anything reads it (the supervisor checks them on arrival). */
export const CHANNEL_BOUNDS = {
  /** One line of telemetry, key included. */
  LINE_BYTES: 1024 * 1024,
  /** Nesting of arrays and objects in one line: a batch of events with frames needs 5. */
  DEPTH: 8,
  /** Events in one `events` line; the runner splits longer batches. */
  EVENTS_PER_LINE: 512,
  /** Frames listed in one message event; the rest are summed up in `more` (see the traced module). */
  FRAMES_PER_MESSAGE: 64,
  /** Sockets in one `totals` line. */
  TOTALS_SOCKETS: 1024,
  /** Hex characters of the per-run channel key. */
  KEY_CHARS: 32,
} as const;

export const RunnerLimits = Type.Object({
  /** Sockets one run may create; libzmq aborts the process on too many fds, so this stays well below nofile. */
  maxSockets: Type.Integer({ minimum: 1 }),
  /** Largest single message (all frames) a socket may send. */
  maxMessageBytes: Type.Integer({ minimum: 1 }),
  /** Full message events per run; after it messages are only counted (and sampled). */
  maxMessageEvents: Type.Integer({ minimum: 0 }),
  /** Telemetry events per second, above which events other than counters are sampled. */
  maxEventsPerSecond: Type.Integer({ minimum: 1 }),
});
export type RunnerLimits = Static<typeof RunnerLimits>;

export const JobMessage = Type.Object({
  type: Type.Literal("job"),
  runId: Type.String(),
  /** Entry file name as the learner wrote it (e.g. main.ts). */
  entry: Type.String(),
  /** Learner file name (main.ts) → transpiled ESM JavaScript with an inline source map. */
  files: Type.Record(Type.String(), Type.String()),
  limits: RunnerLimits,
  /** Starts every runner line after the job; held privately by the runner so the program cannot sign lines. */
  key: Type.String({ pattern: `^[0-9a-f]{${CHANNEL_BOUNDS.KEY_CHARS}}$` }),
  /** Values for the program, readable as `globalThis.__zmqWorkbenchParams` before the entry is imported. */
  params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type JobMessage = Static<typeof JobMessage>;

/**
 * A message for the running program: dispatched as `new MessageEvent("control", { data: message })` on
 * `globalThis.__zmqWorkbenchControl` (an EventTarget) in the main thread. Never keeps the program alive.
 */
export const ControlToRunner = Type.Object({ type: Type.Literal("control"), message: Type.Unknown() });
export type ControlToRunner = Static<typeof ControlToRunner>;
export const SupervisorToRunner = Type.Union([JobMessage, ControlToRunner]);
export type SupervisorToRunner = Static<typeof SupervisorToRunner>;

/** Limits the traced module enforces itself, and so may name in an `uncaught` report. */
export const RunnerLimitName = Type.Union([Type.Literal("sockets"), Type.Literal("message-size")]);
export type RunnerLimitName = Static<typeof RunnerLimitName>;

export const ReadyMessage = Type.Object({ type: Type.Literal("ready"), pid: Type.Integer() });
/** Each event is checked on its own against the trace protocol (server/sandbox/telemetry-check.ts). */
export const EventsMessage = Type.Object({
  type: Type.Literal("events"),
  events: Type.Array(Type.Unknown(), { maxItems: CHANNEL_BOUNDS.EVENTS_PER_LINE }),
});
export const UncaughtMessage = Type.Object({
  type: Type.Literal("uncaught"),
  name: Type.String({ maxLength: 200 }),
  message: Type.String({ maxLength: 4000 }),
  stack: Type.Optional(Type.String({ maxLength: 16_000 })),
  /** Only for an error the traced module itself raised for one of its limits. */
  limit: Type.Optional(RunnerLimitName),
});
/** Messages counted per socket (all threads), never sampled: every ~100 ms when they changed, and at exit. */
export const TotalsMessage = Type.Object({
  type: Type.Literal("totals"),
  totals: Type.Record(Type.String({ maxLength: 64 }), SocketTotals, { maxProperties: CHANNEL_BOUNDS.TOTALS_SOCKETS }),
});
export const RunnerToSupervisor = Type.Union([ReadyMessage, EventsMessage, UncaughtMessage, TotalsMessage]);
export type RunnerToSupervisor = Static<typeof RunnerToSupervisor>;
