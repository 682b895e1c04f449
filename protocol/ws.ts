import { Type, type Static } from "@sinclair/typebox";
import { ProgramFiles, FILE_NAME_PATTERN } from "./files.js";
import { TraceEvent } from "./trace.js";
import { LessonId, RUN_ID_PATTERN } from "./ids.js";
import { ParamValue, RunControl, SCENARIO_ID_PATTERN } from "./scenarios.js";
import { CheckResult } from "./lessons.js";
import { Ping, Pong } from "./heartbeat.js";
import {
  CloseSession,
  OpenSession,
  SessionAudience,
  SessionEnded,
  SessionOpened,
  SessionRunStarted,
  SessionSnapshot,
  SessionViewChanged,
  ShareView,
} from "./session.js";

/** Every WebSocket message is `{ type, payload, meta: { runId } }`; stale messages of an older run are dropped by runId. */
export { RUN_ID_PATTERN };
const Meta = Type.Object({ runId: Type.String({ pattern: RUN_ID_PATTERN }) });

export const StartRun = Type.Object({
  type: Type.Literal("run/start"),
  payload: Type.Object({
    files: ProgramFiles,
    entry: Type.Optional(Type.String({ pattern: FILE_NAME_PATTERN })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100 })),
    /** When set, the finished run is judged by that lesson's check and a `check/result` follows run/exit. */
    lessonId: Type.Optional(LessonId),
    /** The scenario this program was generated from: its live controls are then checked against it on the server. */
    scenario: Type.Optional(Type.String({ pattern: SCENARIO_ID_PATTERN, maxLength: 64 })),
    /** Initial live parameters (a scenario's controls), read by the program as it starts. */
    params: Type.Optional(
      Type.Record(Type.String({ pattern: "^[A-Za-z][A-Za-z0-9_]{0,31}$" }), ParamValue, { maxProperties: 32, additionalProperties: false }),
    ),
  }),
  meta: Meta,
});
export const StopRun = Type.Object({ type: Type.Literal("run/stop"), payload: Type.Object({}), meta: Meta });
export const ClientMessage = Type.Union([StartRun, StopRun, RunControl, OpenSession, ShareView, CloseSession, Ping]);
export type ClientMessage = Static<typeof ClientMessage>;

export const RunQueued = Type.Object({
  type: Type.Literal("run/queued"),
  payload: Type.Object({ position: Type.Integer({ minimum: 1 }) }),
  meta: Meta,
});
export const TraceBatch = Type.Object({
  type: Type.Literal("trace"),
  payload: Type.Object({ events: Type.Array(TraceEvent) }),
  meta: Meta,
});
export const RequestError = Type.Object({
  type: Type.Literal("error"),
  payload: Type.Object({ message: Type.String() }),
  meta: Type.Object({ runId: Type.Optional(Type.String()) }),
});
export const CheckDone = Type.Object({ type: Type.Literal("check/result"), payload: CheckResult, meta: Meta });
export const ServerMessage = Type.Union([
  RunQueued,
  TraceBatch,
  CheckDone,
  RequestError,
  SessionOpened,
  SessionAudience,
  SessionSnapshot,
  SessionRunStarted,
  SessionViewChanged,
  SessionEnded,
  Pong,
]);
export type ServerMessage = Static<typeof ServerMessage>;
