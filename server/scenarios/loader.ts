import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { Value } from "@sinclair/typebox/value";
import { ValueErrorType, type ValueError } from "@sinclair/typebox/errors";
import { ScenarioFile, SCENARIO_ID_PATTERN, type Scenario } from "../../protocol/scenarios.js";
import { checkScenario } from "./checks.js";
import { YamlSource } from "./yaml-source.js";

/**
 * Loads every `*.yaml` under `dir`, in course order (`order`, then the id); the id is the file name. Bad content fails loudly with the
 * file, the line and the field: a schema error, an unknown param, a connect that reaches no bind.
 */
const UNORDERED = 1000;

export function loadScenarios(dir: string, root = join(dir, "..")): Scenario[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"))
    .sort();
  const scenarios = names.map((name) => parseScenario(readFileSync(join(dir, name), "utf8"), relative(root, join(dir, name))));
  return scenarios.sort((a, b) => (a.order ?? UNORDERED) - (b.order ?? UNORDERED) || a.id.localeCompare(b.id));
}

/** Parses and validates one scenario; `file` names it in errors and gives the id. Throws ScenarioError. */
export function parseScenario(text: string, file: string): Scenario {
  const source = new YamlSource(file, text);
  const id = basename(file).replace(/\.ya?ml$/, "");
  if (!new RegExp(SCENARIO_ID_PATTERN).test(id))
    throw source.error([], `the file name "${id}" must be lower-case words joined by -, e.g. weather-pub-sub.yaml`);
  const data = source.data ?? {};
  const first = Value.Errors(ScenarioFile, data).First();
  if (first) throw source.error(first.path, describe(first));
  checkScenario(data as ScenarioFile, (path, problem) => {
    throw source.error(path, problem);
  });
  return { id, ...(data as ScenarioFile) };
}

function describe(error: ValueError): string {
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return `unknown field "${error.path.split("/").pop()}"`;
    case ValueErrorType.ObjectRequiredProperty:
      return "required field is missing";
    case ValueErrorType.Union: {
      const options = (error.schema.anyOf as Array<{ const?: unknown }>).map((s) => s.const);
      if (options.every((o) => typeof o === "string")) return `must be one of ${options.join(", ")}, got ${JSON.stringify(error.value)}`;
      return error.schema.description ? `expected ${error.schema.description}, got ${JSON.stringify(error.value)}` : "has none of the accepted forms";
    }
    default:
      return `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}${error.value === undefined ? "" : `, got ${JSON.stringify(error.value)}`}`;
  }
}
