import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { FILE_NAME_PATTERN, ProgramFiles } from "./files.js";
import { RUN_ID_PATTERN } from "./ids.js";

/**
 * Scenarios: declarative topologies for classroom demos (scenarios/*.yaml). The YAML file is `ScenarioFile`;
 * the API adds the id taken from the file name. Wherever a number or string is accepted, `$name` refers to a
 * param, the live control of that name.
 */
export const PARAM_NAME_PATTERN = "^[a-z][a-zA-Z0-9]{0,31}$";
export const PARAM_REF_PATTERN = "^\\$[a-z][a-zA-Z0-9]{0,31}$";
export const ACTOR_NAME_PATTERN = "^[a-z][a-z0-9]{0,23}(-[a-z0-9]{1,12}){0,3}$";
export const SCENARIO_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
/** Demos end themselves just before the 30-minute wall-clock cap on any run. */
export const MAX_DURATION_S = 1790;
export const MAX_REPLICAS = 8;

const Ref = Type.String({ pattern: PARAM_REF_PATTERN });
const NumberOrParam = Type.Union([Type.Number(), Ref], { description: "a number or a $param reference" });
const IntegerOrParam = Type.Union([Type.Integer({ minimum: 0 }), Ref], { description: "a whole number or a $param reference" });
const Template = Type.String({ description: "text with {n}, {actor}, {rand:LOW-HIGH} and {$param} placeholders" });
/** What an actor prints: each message, one line a second, only the first message, or nothing. */
const Print = Type.Optional(Type.Union([Type.Literal("each"), Type.Literal("summary"), Type.Literal("first"), Type.Literal("none")]));
const strict = <T extends Record<string, TSchema>>(fields: T) => Type.Object(fields, { additionalProperties: false });

export const ParamValue = Type.Union([Type.Number(), Type.String(), Type.Boolean()]);
export type ParamValue = Static<typeof ParamValue>;

export const ParamSpec = strict({
  label: Type.String({ minLength: 1 }),
  type: Type.Union([Type.Literal("number"), Type.Literal("string"), Type.Literal("boolean")]),
  default: ParamValue,
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  step: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  options: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
});
export type ParamSpec = Static<typeof ParamSpec>;

export const ScenarioSocketKind = Type.Union([
  Type.Literal("REQ"),
  Type.Literal("REP"),
  Type.Literal("DEALER"),
  Type.Literal("ROUTER"),
  Type.Literal("PUB"),
  Type.Literal("SUB"),
  Type.Literal("XPUB"),
  Type.Literal("XSUB"),
  Type.Literal("PUSH"),
  Type.Literal("PULL"),
  Type.Literal("PAIR"),
]);
export type ScenarioSocketKind = Static<typeof ScenarioSocketKind>;

const Endpoints = Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1 })], { description: "an endpoint or a list of endpoints" });

/** The options a scenario may set; each is a real zeromq.js option name. */
export const SocketOptions = strict({
  sendHighWaterMark: Type.Optional(IntegerOrParam),
  receiveHighWaterMark: Type.Optional(IntegerOrParam),
  linger: Type.Optional(IntegerOrParam),
  sendTimeout: Type.Optional(IntegerOrParam),
  receiveTimeout: Type.Optional(IntegerOrParam),
  immediate: Type.Optional(Type.Boolean()),
  conflate: Type.Optional(Type.Boolean()),
});
export type SocketOptions = Static<typeof SocketOptions>;

export const SocketSpec = strict({
  type: ScenarioSocketKind,
  bind: Type.Optional(Endpoints),
  connect: Type.Optional(Endpoints),
  options: Type.Optional(SocketOptions),
  /** SUB only: topic prefixes; "" is everything. */
  subscribe: Type.Optional(Type.Array(Type.String())),
});
export type SocketSpec = Static<typeof SocketSpec>;

/** Named sockets of actors that have more than one. */
export const SocketRoles = strict({
  input: Type.Optional(SocketSpec),
  output: Type.Optional(SocketSpec),
  frontend: Type.Optional(SocketSpec),
  backend: Type.Optional(SocketSpec),
  capture: Type.Optional(SocketSpec),
});
export type SocketRole = keyof Static<typeof SocketRoles>;

export const Behaviours = {
  /** Sends `payload` `rate` times a second. */
  send: strict({ rate: NumberOrParam, payload: Template, print: Print }),
  /** REQ loop: a request `rate` times a second; with `timeoutMs` it asks again when no reply comes (Lazy Pirate). */
  request: strict({ rate: NumberOrParam, payload: Template, timeoutMs: Type.Optional(IntegerOrParam), print: Print }),
  /** REP: answers each request with `payload` ({request} is the request) after `delayMs`. */
  reply: strict({ payload: Template, delayMs: Type.Optional(NumberOrParam), print: Print }),
  /** Receives, after `delayMs` each (a slow consumer). */
  receive: strict({
    print: Print,
    delayMs: Type.Optional(NumberOrParam),
    /** The last word of each message is a sequence number; count the ones that never arrived. */
    gaps: Type.Optional(Type.Boolean()),
  }),
  /** Pipeline worker: input → `delayMs` of work → output. */
  work: strict({ delayMs: NumberOrParam, payload: Type.Optional(Template), print: Print }),
  /** A device as a JS loop: frontend ⇄ backend; with a capture socket, copies prefixed in/out (MonitoredQueue). */
  device: strict({
    type: Type.Union([Type.Literal("queue"), Type.Literal("forwarder"), Type.Literal("streamer")]),
    inPrefix: Type.Optional(Type.String()),
    outPrefix: Type.Optional(Type.String()),
  }),
  /** Load-balancing broker: ROUTER frontend for clients, ROUTER backend for workers that say READY. */
  lruBroker: strict({}),
  /** Worker of the load-balancing broker: REQ that says READY, then answers each job. */
  lruWorker: strict({ delayMs: NumberOrParam, payload: Type.Optional(Template), print: Print }),
};
export type BehaviourName = keyof typeof Behaviours;
export const BEHAVIOUR_NAMES = Object.keys(Behaviours) as BehaviourName[];
export type Behaviour<B extends BehaviourName> = Static<(typeof Behaviours)[B]>;

/** An actor has one socket (`socket`) or named ones (`sockets`), and exactly one behaviour key. */
export const ActorSpec = strict({
  name: Type.String({ pattern: ACTOR_NAME_PATTERN }),
  /** What the actor is for, in a sentence; it becomes the comment above the actor's function. */
  about: Type.Optional(Type.String()),
  replicas: Type.Optional(IntegerOrParam),
  /** Waits this long before creating its sockets: a late joiner. */
  startAfterMs: Type.Optional(NumberOrParam),
  socket: Type.Optional(SocketSpec),
  sockets: Type.Optional(SocketRoles),
  send: Type.Optional(Behaviours.send),
  request: Type.Optional(Behaviours.request),
  reply: Type.Optional(Behaviours.reply),
  receive: Type.Optional(Behaviours.receive),
  work: Type.Optional(Behaviours.work),
  device: Type.Optional(Behaviours.device),
  lruBroker: Type.Optional(Behaviours.lruBroker),
  lruWorker: Type.Optional(Behaviours.lruWorker),
});
export type ActorSpec = Static<typeof ActorSpec>;

export const ScenarioFile = strict({
  title: Type.String({ minLength: 3 }),
  summary: Type.String({ minLength: 10 }),
  /** Place in the scenario list, lowest first (the order a course meets them); unordered ones follow by id. */
  order: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  /** Live controls by name; every scenario has a number param `duration` (seconds). */
  params: Type.Record(Type.String({ pattern: PARAM_NAME_PATTERN }), ParamSpec),
  actors: Type.Array(ActorSpec, { minItems: 1, maxItems: 12 }),
});
export type ScenarioFile = Static<typeof ScenarioFile>;

export const Scenario = Type.Composite([Type.Object({ id: Type.String({ pattern: SCENARIO_ID_PATTERN }) }), ScenarioFile]);
export type Scenario = Static<typeof Scenario>;

export const ScenarioSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  params: Type.Record(Type.String(), ParamSpec),
  /** `kind` is the actor's socket kinds joined by "/", e.g. "ROUTER/DEALER" for a queue device. */
  actors: Type.Array(Type.Object({ name: Type.String(), kind: Type.String(), replicas: Type.Union([Type.Integer(), Type.String()]) })),
});
export type ScenarioSummary = Static<typeof ScenarioSummary>;

/** A scenario as a runnable program: run it like any other program, with `timeoutMs` as the run's wall time. */
export const ScenarioProgram = Type.Object({
  scenarioId: Type.String(),
  files: ProgramFiles,
  entry: Type.String({ pattern: FILE_NAME_PATTERN }),
  timeoutMs: Type.Integer({ minimum: 1000 }),
  params: Type.Record(Type.String(), ParamValue),
});
export type ScenarioProgram = Static<typeof ScenarioProgram>;

export const ActorOp = Type.Union([Type.Literal("kill"), Type.Literal("restart"), Type.Literal("pause"), Type.Literal("resume")]);
export type ActorOp = Static<typeof ActorOp>;

/** Delivered into a running program: change a live control, or act on an actor ("worker" or one replica, "worker-2"). */
export const ControlMessage = Type.Union([
  Type.Object({ action: Type.Literal("set-param"), name: Type.String({ pattern: PARAM_NAME_PATTERN }), value: ParamValue }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal("actor"), actor: Type.String({ pattern: ACTOR_NAME_PATTERN }), op: ActorOp }, { additionalProperties: false }),
]);
export type ControlMessage = Static<typeof ControlMessage>;

/** Client → server over /api/runs (proposed for protocol/ws.ts's ClientMessage union). */
export const RunControl = Type.Object({
  type: Type.Literal("run/control"),
  payload: ControlMessage,
  meta: Type.Object({ runId: Type.String({ pattern: RUN_ID_PATTERN }) }),
});
export type RunControl = Static<typeof RunControl>;
