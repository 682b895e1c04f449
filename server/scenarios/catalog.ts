import { join } from "node:path";
import type { ControlMessage, Scenario, ScenarioProgram, ScenarioSummary } from "../../protocol/scenarios.js";
import { REPO_ROOT } from "../paths.js";
import { scenarioToProgram } from "./codegen/program.js";
import { loadScenarios } from "./loader.js";
import { checkParam, ParamError, paramsFromQuery } from "./params.js";
import { actorKind } from "./roles.js";

export const DEFAULT_SCENARIOS_DIR = join(REPO_ROOT, "scenarios");

/** The classroom scenarios, loaded and validated once at start-up; a bad file stops the server with its line. */
export class ScenarioCatalog {
  private readonly scenarios: Scenario[];

  constructor(dir = DEFAULT_SCENARIOS_DIR) {
    this.scenarios = loadScenarios(dir, REPO_ROOT);
  }

  list(): ScenarioSummary[] {
    return this.scenarios.map(({ id, title, summary, params, actors }) => ({
      id,
      title,
      summary,
      params,
      actors: actors.map((a) => ({ name: a.name, kind: actorKind(a), replicas: a.replicas ?? 1 })),
    }));
  }

  get(id: string): Scenario | undefined {
    return this.scenarios.find((s) => s.id === id);
  }

  /** The scenario as a program with the given param values (text, as in a query string). Throws ParamError. */
  program(id: string, values: Record<string, string | undefined> = {}): ScenarioProgram | undefined {
    const scenario = this.get(id);
    return scenario && scenarioToProgram(scenario, paramsFromQuery(scenario, values));
  }

  /** Why a control message does not fit a run of scenario `id`, or null: an unknown param or actor, a value out of range. */
  controlProblem(id: string, message: ControlMessage): string | null {
    const scenario = this.get(id);
    if (!scenario) return `There is no scenario "${id}".`;
    if (message.action === "actor") {
      const known = scenario.actors.some((a) => message.actor === a.name || message.actor.startsWith(`${a.name}-`));
      return known ? null : `The scenario "${id}" has no actor "${message.actor}".`;
    }
    try {
      checkParam(scenario, message.name, message.value);
      return null;
    } catch (err) {
      if (err instanceof ParamError) return err.message;
      throw err;
    }
  }
}
