import type { ParamSpec, ParamValue, Scenario } from "../../protocol/scenarios.js";

export type ParamValues = Record<string, ParamValue>;

/** A value a caller chose that the scenario does not accept; its message is for the teacher. */
export class ParamError extends Error {}

export function defaultParams(scenario: Pick<Scenario, "params">): ParamValues {
  return Object.fromEntries(Object.entries(scenario.params).map(([name, spec]) => [name, spec.default]));
}

/** Why `value` does not fit the param, or null. */
export function paramProblem(spec: ParamSpec, value: unknown): string | null {
  if (typeof value !== spec.type) return `must be a ${spec.type}`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "must be a finite number";
    if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}`;
    if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
  }
  if (typeof value === "string" && spec.options && !spec.options.includes(value)) return `must be one of ${spec.options.join(", ")}`;
  return null;
}

/** Checks one live change (a set-param control message) against the scenario. Throws ParamError. */
export function checkParam(scenario: Scenario, name: string, value: unknown): ParamValue {
  const spec = scenario.params[name];
  if (!spec) throw new ParamError(`The scenario "${scenario.id}" has no param "${name}".`);
  const problem = paramProblem(spec, value);
  if (problem) throw new ParamError(`The param "${name}" ${problem}.`);
  return value as ParamValue;
}

/** Default values overridden by text values from a query string (`?rate=20&verbose=true`). Throws ParamError. */
export function paramsFromQuery(scenario: Scenario, query: Record<string, string | undefined>): ParamValues {
  const values = defaultParams(scenario);
  for (const [name, text] of Object.entries(query)) {
    if (text === undefined) continue;
    const spec = scenario.params[name];
    if (!spec) throw new ParamError(`The scenario "${scenario.id}" has no param "${name}"; it has ${Object.keys(scenario.params).join(", ")}.`);
    values[name] = checkParam(scenario, name, fromText(spec, text));
  }
  return values;
}

function fromText(spec: ParamSpec, text: string): unknown {
  if (spec.type === "string") return text;
  if (spec.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  const number = text.trim() === "" ? NaN : Number(text);
  return Number.isNaN(number) ? text : number;
}

export const isParamRef = (value: unknown): value is string => typeof value === "string" && /^\$[a-z][a-zA-Z0-9]{0,31}$/.test(value);

/** A field's value with a `$param` reference replaced by that param's value. */
export function resolveValue<T>(value: T | string, values: ParamValues): T | ParamValue {
  return isParamRef(value) ? values[value.slice(1)] : value;
}
