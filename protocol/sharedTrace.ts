import { Type, type Static } from "@sinclair/typebox";
import { ProgramFiles } from "./files.js";
import { TraceEvent } from "./trace.js";

export const SHARED_TRACE_ID_PATTERN = "^[A-Za-z0-9_-]{8,32}$";

/** The recorded run and the program it ran, so the link opens both even if the share's files change later. */
export const SharedTrace = Type.Object({
  files: ProgramFiles,
  entry: Type.Optional(Type.String()),
  /** Events the browser did not keep (over its recording limit). */
  dropped: Type.Optional(Type.Integer({ minimum: 0 })),
  events: Type.Array(TraceEvent),
});
export type SharedTrace = Static<typeof SharedTrace>;

export const SharedTraceCreated = Type.Object({ id: Type.String() });
export type SharedTraceCreated = Static<typeof SharedTraceCreated>;
