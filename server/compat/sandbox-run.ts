import { randomUUID } from "node:crypto";
import type { TraceEvent } from "../../protocol/trace.js";
import type { Supervisor } from "../sandbox/supervisor.js";
import { summarize, type CompatCase, type RunSummary } from "./compat-case.js";
import { appendAll } from "../util/append-all.js";

/** The run's verdict and the last of its trace, compact, for a failure message. */
export function traceTail(message: string, events: TraceEvent[], count = 30): string {
  const lines = events.slice(-count).map((e) => {
    const detail = "endpoint" in e ? e.endpoint : "event" in e ? e.event : "text" in e ? e.text.trim() : "message" in e ? e.message : "";
    return `  ${Math.round(e.t)} ${e.type} ${"socket" in e ? e.socket : ""} ${detail ?? ""}`;
  });
  return [message, ...lines].join("\n");
}

/** Runs a case in the workbench's sandbox, unchanged, and reads the same summary from its trace. */
export async function runSandboxed(supervisor: Supervisor, test: CompatCase): Promise<RunSummary & { events: TraceEvent[]; message: string }> {
  const events: TraceEvent[] = [];
  const ticket = await supervisor.submit({ runId: randomUUID(), files: test.files, entry: test.entry }, (batch) => appendAll(events, batch));
  const exit = await ticket.done;
  const stdout = events.map((e) => (e.type === "console" && e.stream === "stdout" ? e.text : "")).join("");
  const kindOf = new Map<string, string>();
  for (const e of events) if (e.type === "socket/open") kindOf.set(e.socket, e.kind);
  const sockets = [...kindOf].map(([socket, kind]) => ({ kind, ...(exit.totals[socket] ?? { sent: 0, received: 0 }) }));
  const exitCode = exit.reason === "ok" ? 0 : exit.code;
  return { ...summarize(stdout, exitCode, sockets), events, message: exit.message };
}
