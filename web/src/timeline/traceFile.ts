import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { ProgramFiles } from "../../../protocol/files.js";
import { TraceEvent } from "../../../protocol/trace.js";

/** Bump when a change would make older readers misread a file; readers refuse versions they do not know. */
export const TRACE_FILE_VERSION = 1;
const FORMAT = "zmq-workbench-trace";

export const TraceFile = Type.Object({
  format: Type.Literal(FORMAT),
  version: Type.Literal(TRACE_FILE_VERSION),
  exportedAt: Type.Optional(Type.String()),
  files: ProgramFiles,
  entry: Type.Optional(Type.String()),
  /** Events the browser did not keep (over its recording limit); the trace is still consistent without them. */
  dropped: Type.Optional(Type.Integer({ minimum: 0 })),
  events: Type.Array(TraceEvent),
});
export type TraceFile = Static<typeof TraceFile>;

export function makeTraceFile(files: ProgramFiles, entry: string | undefined, events: TraceEvent[], dropped = 0): TraceFile {
  return {
    format: FORMAT,
    version: TRACE_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    files,
    ...(entry ? { entry } : {}),
    ...(dropped ? { dropped } : {}),
    events,
  };
}

export function traceFileName(_file: TraceFile, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return `zmq-trace-${stamp}.json`;
}

export type ParsedTrace = { ok: true; trace: TraceFile } | { ok: false; error: string };

/** Reads a trace file, saying in one sentence what is wrong with a bad one. */
export function parseTraceFile(text: string): ParsedTrace {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "This file is not JSON, so it is not a trace exported by the workbench." };
  }
  if (typeof data !== "object" || data === null || (data as { format?: unknown }).format !== FORMAT) {
    return { ok: false, error: `This JSON file is not a workbench trace (it has no "format": "${FORMAT}").` };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== TRACE_FILE_VERSION) {
    return { ok: false, error: `This trace has format version ${JSON.stringify(version)}; this workbench reads version ${TRACE_FILE_VERSION}.` };
  }
  const events = (data as { events?: unknown }).events;
  if (Array.isArray(events)) {
    const bad = events.findIndex((e) => !Value.Check(TraceEvent, e));
    if (bad !== -1) return { ok: false, error: `Event ${bad + 1} of the trace is not valid: ${describeEvent(events[bad])}.` };
  }
  if (!Value.Check(TraceFile, data)) {
    const first = Value.Errors(TraceFile, data).First();
    return { ok: false, error: `The trace file is not valid: ${first ? `${first.path || "/"} ${first.message}` : "unknown problem"}.` };
  }
  return { ok: true, trace: data };
}

function describeEvent(event: unknown): string {
  if (typeof event !== "object" || event === null) return "it is not an object";
  const type = (event as { type?: unknown }).type;
  const variant = TraceEvent.anyOf.find((s) => s.properties.type.const === type);
  if (!variant) return `unknown event type ${JSON.stringify(type)}`;
  const first = Value.Errors(variant, event).First();
  return `${JSON.stringify(type)} ${first ? `${first.path} ${first.message}` : ""}`.trim();
}
