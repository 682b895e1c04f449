import { endpointsMatch } from "../../protocol/endpoints.js";
import { MAX_DURATION_S, MAX_REPLICAS, type ActorSpec, type ScenarioFile } from "../../protocol/scenarios.js";
import { defaultParams, isParamRef, paramProblem, resolveValue } from "./params.js";
import { actorSockets, behavioursOf, endpointList, socketRules } from "./roles.js";
import { parseTemplate } from "./template.js";
import type { Path } from "./yaml-source.js";

export type Fail = (path: Path, problem: string) => never;

/** A run may open 64 sockets; a scenario keeps well below, replicas at their maximum included. */
const MAX_SOCKETS = 48;
const NUMERIC_FIELDS = new Set([
  "rate",
  "delayMs",
  "timeoutMs",
  "replicas",
  "startAfterMs",
  "sendHighWaterMark",
  "receiveHighWaterMark",
  "linger",
  "sendTimeout",
  "receiveTimeout",
]);
const TEMPLATE_FIELDS = new Set(["payload"]);
const ANSWERING = new Set(["reply", "work", "lruWorker"]);
/** Actor names become file and function names next to these. */
const RESERVED_NAMES = new Set([
  "main",
  "params",
  "workbench",
  "actor",
  "zmq",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "await",
]);

/** What the schema cannot say: params fit their specs, references resolve, sockets fit behaviours, connects reach binds. */
export function checkScenario(file: ScenarioFile, fail: Fail): void {
  checkParams(file, fail);
  const names = new Set<string>();
  let sockets = 0;
  file.actors.forEach((actor, i) => {
    const at: Path = ["actors", i];
    if (RESERVED_NAMES.has(actor.name) || /-\d+$/.test(actor.name))
      fail([...at, "name"], `"${actor.name}" is reserved (or looks like a replica's name, which ends in -N)`);
    if (names.has(actor.name)) fail([...at, "name"], `two actors are named "${actor.name}"`);
    names.add(actor.name);
    checkBehaviourAndSockets(actor, at, fail);
    checkReferences(file, actor, at, fail);
    sockets += actorSockets(actor).length * maxReplicas(file, actor);
  });
  if (sockets > MAX_SOCKETS) fail(["actors"], `the actors open up to ${sockets} sockets; a scenario may open at most ${MAX_SOCKETS}`);
  checkEndpoints(file, fail);
}

function checkParams(file: ScenarioFile, fail: Fail): void {
  for (const [name, spec] of Object.entries(file.params)) {
    const problem = paramProblem(spec, spec.default);
    if (problem) fail(["params", name, "default"], `the default ${problem}`);
    if (spec.options && spec.type !== "string") fail(["params", name, "options"], "only string params have options");
  }
  const duration = file.params.duration;
  if (!duration) fail(["params"], "every scenario needs a number param `duration` (seconds), so a demo ends by itself");
  if (duration.type !== "number" || duration.min === undefined || duration.min < 1 || duration.max === undefined || duration.max > MAX_DURATION_S) {
    fail(["params", "duration"], `duration must be a number param with min >= 1 and max <= ${MAX_DURATION_S} (seconds)`);
  }
}

function checkBehaviourAndSockets(actor: ActorSpec, at: Path, fail: Fail): void {
  const behaviours = behavioursOf(actor);
  if (behaviours.length !== 1)
    fail(
      at,
      behaviours.length === 0
        ? "the actor needs a behaviour such as send, request, reply, receive, work, device, lruBroker or lruWorker"
        : `the actor has ${behaviours.join(" and ")}; give it exactly one behaviour`,
    );
  const rules = socketRules(actor);
  const single = rules.length === 1 && rules[0].role === "socket";
  if (single && actor.sockets) fail([...at, "sockets"], `a ${behaviours[0]} actor has one socket: write \`socket:\`, not \`sockets:\``);
  if (!single && actor.socket)
    fail([...at, "socket"], `a ${behaviours[0]} actor has named sockets (${rules.map((r) => r.role).join(", ")}): write \`sockets:\``);
  for (const role of Object.keys(actor.sockets ?? {})) {
    if (!rules.some((r) => r.role === role))
      fail([...at, "sockets", role], `a ${behaviours[0]} actor has no ${role} socket; it has ${rules.map((r) => r.role).join(", ")}`);
  }
  for (const rule of rules) {
    const path = rule.role === "socket" ? [...at, "socket"] : [...at, "sockets", rule.role];
    const spec = rule.role === "socket" ? actor.socket : actor.sockets?.[rule.role];
    if (!spec) {
      if (!rule.optional)
        fail(path, `the ${behaviours[0]} actor needs a ${rule.role === "socket" ? "socket" : `${rule.role} socket`} (${rule.kinds.join(" or ")})`);
      continue;
    }
    if (!rule.kinds.includes(spec.type))
      fail([...path, "type"], `a ${behaviours[0]} actor's ${rule.role} must be ${rule.kinds.join(" or ")}, not ${spec.type}`);
    if (endpointList(spec.bind).length + endpointList(spec.connect).length === 0) fail(path, "the socket needs a bind or a connect");
    if (spec.type === "SUB" && !spec.subscribe) fail(path, 'a SUB socket receives nothing until it subscribes: add `subscribe: [""]` for everything');
    if (spec.type !== "SUB" && spec.subscribe) fail([...path, "subscribe"], `only SUB sockets subscribe; this one is ${spec.type}`);
  }
}

function checkReferences(file: ScenarioFile, actor: ActorSpec, at: Path, fail: Fail): void {
  const behaviour = behavioursOf(actor)[0];
  const visit = (value: unknown, path: Path, field: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, [...path, i], field));
    if (value && typeof value === "object") return Object.entries(value).forEach(([k, v]) => visit(v, [...path, k], k));
    if (typeof value !== "string") return;
    if (TEMPLATE_FIELDS.has(field)) return checkTemplate(file, value, path, ANSWERING.has(behaviour), fail);
    if (!isParamRef(value)) return;
    const spec = file.params[value.slice(1)];
    const wanted = NUMERIC_FIELDS.has(field) ? "number" : "string";
    if (!spec) fail(path, `${value} refers to no param; the params are ${Object.keys(file.params).join(", ")}`);
    if (spec.type !== wanted) fail(path, `${value} is a ${spec.type} param, but ${field} needs a ${wanted}`);
  };
  visit(actor, at, "");
  if (actor.request?.timeoutMs !== undefined && actor.socket?.bind)
    fail([...at, "socket", "bind"], "a client with timeoutMs opens a new socket after each timeout, so it must connect, not bind");
  if (isParamRef(actor.replicas)) {
    const spec = file.params[actor.replicas.slice(1)];
    if (spec.max === undefined || spec.max > MAX_REPLICAS || (spec.min ?? 0) < 0)
      fail([...at, "replicas"], `${actor.replicas} needs min >= 0 and max <= ${MAX_REPLICAS}`);
  } else if ((actor.replicas ?? 1) > MAX_REPLICAS) fail([...at, "replicas"], `at most ${MAX_REPLICAS} replicas`);
  if (actor.replicas !== undefined && actorSockets(actor).some((s) => s.spec.bind))
    fail([...at, "replicas"], "replicas would all bind the same endpoint; only actors that connect can have replicas");
}

function checkTemplate(file: ScenarioFile, template: string, path: Path, answering: boolean, fail: Fail): void {
  try {
    for (const part of parseTemplate(template)) {
      if (part.kind === "param" && !file.params[part.name]) fail(path, `{$${part.name}} refers to no param`);
      if (part.kind === "request" && !answering) fail(path, "{request} is only known to actors that answer (reply, work, lruWorker)");
    }
  } catch (err) {
    fail(path, (err as Error).message);
  }
}

function maxReplicas(file: ScenarioFile, actor: ActorSpec): number {
  return isParamRef(actor.replicas) ? (file.params[actor.replicas.slice(1)]?.max ?? 1) : (actor.replicas ?? 1);
}

function checkEndpoints(file: ScenarioFile, fail: Fail): void {
  const values = defaultParams(file);
  const binds: Array<{ endpoint: string; path: Path }> = [];
  const connects: Array<{ endpoint: string; path: Path }> = [];
  file.actors.forEach((actor, i) => {
    for (const { role, spec } of actorSockets(actor)) {
      const at: Path = role === "socket" ? ["actors", i, "socket"] : ["actors", i, "sockets", role];
      endpointList(spec.bind).forEach((e) => binds.push({ endpoint: String(resolveValue(e, values)), path: [...at, "bind"] }));
      endpointList(spec.connect).forEach((e) => connects.push({ endpoint: String(resolveValue(e, values)), path: [...at, "connect"] }));
    }
  });
  binds.forEach((b, i) => {
    if (binds.slice(0, i).some((o) => endpointsMatch(b.endpoint, o.endpoint))) fail(b.path, `${b.endpoint} is bound twice`);
  });
  for (const c of connects) {
    if (/^tcp:\/\/localhost:/.test(c.endpoint)) fail(c.path, `write tcp://127.0.0.1 rather than localhost: a sandboxed run resolves no host names`);
    if (!binds.some((b) => endpointsMatch(c.endpoint, b.endpoint))) fail(c.path, `nothing binds ${c.endpoint}; connect to an endpoint another actor binds`);
  }
}
