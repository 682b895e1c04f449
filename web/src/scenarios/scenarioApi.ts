import type { ScenarioProgram, ScenarioSummary } from "../../../protocol/scenarios.js";
import { paramQuery, type ParamValues } from "./scenarioModel.js";

async function getJson<T>(url: string, what: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `Could not load ${what} (HTTP ${res.status}).`);
  }
  return (await res.json()) as T;
}

export function listScenarios(): Promise<ScenarioSummary[]> {
  return getJson("/api/scenarios", "the scenarios");
}

/** The scenario as a runnable zeromq.js program with these params. */
export function loadProgram(id: string, values: ParamValues): Promise<ScenarioProgram> {
  return getJson(`/api/scenarios/${encodeURIComponent(id)}/program${paramQuery(values)}`, "the scenario's program");
}
