import { Type, type Static } from "@sinclair/typebox";
import { ProgramFiles } from "./files.js";
import { TraceEvent } from "./trace.js";

/** Join codes: six letters and digits without look-alikes (no 0/O, 1/I/L), easy to read off a projector. */
export const SESSION_CODE_PATTERN = "^[A-HJ-KM-NP-Z2-9]{6}$";
export const SessionCode = Type.String({ pattern: SESSION_CODE_PATTERN });

/** What the presenter's live view shows, mirrored on every spectator's screen. */
export const ViewState = Type.Object({
  paused: Type.Boolean(),
  speed: Type.Number({ minimum: 0.1, maximum: 4 }),
  /** When paused or scrubbing: the trace time (ms) shown. */
  cursor: Type.Optional(Type.Number({ minimum: 0 })),
});
export type ViewState = Static<typeof ViewState>;

const NoMeta = Type.Object({});

// Presenter → server, on the presenter's run WebSocket.
/** With `code` and `key` from an earlier `session/opened`, a presenter whose connection dropped takes the session back. */
export const OpenSession = Type.Object({
  type: Type.Literal("session/open"),
  payload: Type.Object({ code: Type.Optional(SessionCode), key: Type.Optional(Type.String({ maxLength: 64 })) }),
  meta: NoMeta,
});
export const ShareView = Type.Object({ type: Type.Literal("session/view"), payload: ViewState, meta: NoMeta });
export const CloseSession = Type.Object({ type: Type.Literal("session/close"), payload: Type.Object({}), meta: NoMeta });

// Server → presenter.
export const SessionOpened = Type.Object({
  type: Type.Literal("session/opened"),
  payload: Type.Object({
    code: SessionCode,
    url: Type.String(),
    expiresAt: Type.String(),
    spectators: Type.Integer(),
    /** The presenter's secret for taking the session back after a reconnect; never sent to spectators. */
    key: Type.String(),
  }),
  meta: NoMeta,
});
export const SessionAudience = Type.Object({
  type: Type.Literal("session/audience"),
  payload: Type.Object({ spectators: Type.Integer() }),
  meta: NoMeta,
});

// Server → spectator, on `/api/sessions/:code/watch`.
export const SessionRun = Type.Object({
  runId: Type.String(),
  entry: Type.String(),
  files: ProgramFiles,
});
export type SessionRun = Static<typeof SessionRun>;
export const SessionSnapshot = Type.Object({
  type: Type.Literal("session/snapshot"),
  payload: Type.Object({
    code: SessionCode,
    run: Type.Optional(SessionRun),
    /** The current run's trace so far, so a late joiner sees everything. */
    events: Type.Array(TraceEvent),
    view: ViewState,
  }),
  meta: NoMeta,
});
export const SessionRunStarted = Type.Object({ type: Type.Literal("session/run"), payload: SessionRun, meta: NoMeta });
export const SessionViewChanged = Type.Object({ type: Type.Literal("session/view"), payload: ViewState, meta: NoMeta });
export const SessionEnded = Type.Object({
  type: Type.Literal("session/ended"),
  payload: Type.Object({ reason: Type.String() }),
  meta: NoMeta,
});
