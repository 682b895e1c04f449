import { randomUUID } from "node:crypto";
import type { Scenario } from "../../../protocol/scenarios.js";
import type { RunExit, TraceEvent } from "../../../protocol/trace.js";
import type { Supervisor } from "../../sandbox/supervisor.js";
import { scenarioToProgram } from "../codegen/program.js";
import { defaultParams, type ParamValues } from "../params.js";
import type { Edge } from "../topology.js";
import { appendAll } from "../../util/append-all.js";

export interface ScenarioRun {
  exit: RunExit;
  events: TraceEvent[];
  stdout: string;
  stderr: string;
}

/** Runs a scenario's generated program through the supervisor, exactly as the browser's Run would. */
export async function runScenario(supervisor: Supervisor, scenario: Scenario, overrides: ParamValues, timeoutMs: number): Promise<ScenarioRun> {
  const program = scenarioToProgram(scenario, { ...defaultParams(scenario), ...overrides });
  const events: TraceEvent[] = [];
  const ticket = await supervisor.submit({ runId: `scn-${randomUUID()}`, files: program.files, entry: program.entry, timeoutMs }, (batch) =>
    appendAll(events, batch),
  );
  const exit = await ticket.done;
  const text = (stream: string) => events.map((e) => (e.type === "console" && e.stream === stream ? e.text : "")).join("");
  return { exit, events, stdout: text("stdout"), stderr: text("stderr") };
}

/** What the trace shows: each socket's actor (the file that created it), their kinds, edges (from the server's links) and traffic. */
export function observedTopology(events: TraceEvent[]) {
  const actorOf = new Map<string, string>();
  const kinds: Record<string, string[]> = {};
  for (const e of events) {
    if (e.type !== "socket/open") continue;
    const actor = (e.site ?? "").replace(/\.ts:\d+(:\d+)?$/, "");
    actorOf.set(e.socket, actor);
    kinds[actor] = [...new Set([...(kinds[actor] ?? []), e.kind])].sort();
  }
  const edges: Edge[] = events.flatMap((e) =>
    e.type === "link/up" ? [{ from: actorOf.get(e.from) ?? "?", to: actorOf.get(e.to) ?? "?", endpoint: e.endpoint }] : [],
  );
  const exit = events.find((e): e is RunExit => e.type === "run/exit");
  const traffic: Record<string, { sent: number; received: number }> = {};
  for (const [socket, totals] of Object.entries(exit?.totals ?? {})) {
    const t = (traffic[actorOf.get(socket) ?? "?"] ??= { sent: 0, received: 0 });
    t.sent += totals.sent;
    t.received += totals.received;
  }
  return { kinds, edges, traffic };
}
