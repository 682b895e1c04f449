import { TypeCompiler, type TypeCheck } from "@sinclair/typebox/compiler";
import type { TSchema } from "@sinclair/typebox";
import { SocketTotals, TraceEvent } from "../../protocol/trace.js";
import { CHANNEL_BOUNDS } from "../../sandboxed/runner/channel.js";

/**
 * Event types only the supervisor may produce; a runner sending them is lying about how the run went, what links
 * formed, what sockets are called or which messages were lost. Console text comes from the run's stdout and stderr
 * under the output limit, never from the channel.
 */
const SUPERVISOR_ONLY = new Set(["run/start", "run/exit", "console", "link/up", "link/down", "socket/name", "message/drop", "trace/note"]);
/** An option value longer than this as JSON is shown as a note instead (subscriptions of megabytes exist). */
const OPTION_VALUE_CHARS = 1024;

/**
 * One compiled validator per event type, picked by the event's `type`: a flood of telemetry costs one small
 * compiled check per event instead of trying every member of the union.
 */
const checkers = new Map<string, TypeCheck<TSchema>>(
  TraceEvent.anyOf
    .map((schema) => [(schema.properties.type as { const: string }).const, TypeCompiler.Compile(schema)] as const)
    .filter(([type]) => !SUPERVISOR_ONLY.has(type)),
);
const totalsChecker = TypeCompiler.Compile(SocketTotals);

/** The events of one batch that are well-formed and the runner's to send; the rest are dropped silently. */
export function validEvents(events: unknown): TraceEvent[] {
  if (!Array.isArray(events)) return [];
  const valid: TraceEvent[] = [];
  for (const event of events) {
    const type = (event as { type?: unknown } | null)?.type;
    if (typeof type !== "string") continue;
    if (!checkers.get(type)?.Check(event)) continue;
    const checked = event as TraceEvent;
    if ((checked.type === "message/send" || checked.type === "message/recv") && checked.frames.length > CHANNEL_BOUNDS.FRAMES_PER_MESSAGE) continue;
    if (checked.type === "socket/option") clipOptionValue(checked);
    valid.push(checked);
  }
  return valid;
}

/** The channel's depth bound already holds; this keeps one huge value from reaching every browser watching. */
function clipOptionValue(event: Extract<TraceEvent, { type: "socket/option" }>): void {
  const json = JSON.stringify(event.value) ?? "";
  if (json.length > OPTION_VALUE_CHARS) event.value = `${json.slice(0, OPTION_VALUE_CHARS)}… (${json.length} characters)`;
}

/** Well-formed per-socket totals, at most `maxSockets` of them. */
export function validTotals(totals: unknown, maxSockets: number): Record<string, SocketTotals> {
  // No prototype: a socket named "__proto__" must stay a plain key.
  const out: Record<string, SocketTotals> = Object.create(null) as Record<string, SocketTotals>;
  if (typeof totals !== "object" || totals === null || Array.isArray(totals)) return out;
  let kept = 0;
  for (const [socket, value] of Object.entries(totals)) {
    if (kept >= maxSockets) break;
    if (socket.length > 64 || !totalsChecker.Check(value)) continue;
    out[socket] = value;
    kept++;
  }
  return out;
}
