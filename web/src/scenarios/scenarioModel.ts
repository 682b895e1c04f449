import type { ParamSpec, ParamValue, ScenarioSummary } from "../../../protocol/scenarios.js";
import { linkKey } from "../graph/model/links.js";
import type { GraphState, SocketNode } from "../graph/model/types.js";

export type ParamValues = Record<string, ParamValue>;

/** Every param at its default: the values a scenario starts with. */
export function defaultValues(scenario: ScenarioSummary): ParamValues {
  return Object.fromEntries(Object.entries(scenario.params).map(([name, spec]) => [name, spec.default]));
}

/** A control's raw value (text from an input) as the param's type, kept inside its range; null when it is no value. */
export function coerceParam(spec: ParamSpec, raw: string | boolean): ParamValue | null {
  if (spec.type === "boolean") return typeof raw === "boolean" ? raw : raw === "true";
  if (spec.type === "string") return String(raw);
  const n = typeof raw === "boolean" ? Number(raw) : Number.parseFloat(raw);
  if (!Number.isFinite(n)) return null;
  const low = spec.min ?? -Infinity,
    high = spec.max ?? Infinity;
  return Math.min(high, Math.max(low, n));
}

/** A slider suits a number with both ends known; otherwise a number field. */
export function isSlider(spec: ParamSpec): boolean {
  return spec.type === "number" && spec.min !== undefined && spec.max !== undefined;
}

/** A number slider with no step of its own moves by a sensible step for its range. */
export function stepOf(spec: ParamSpec): number {
  if (spec.step) return spec.step;
  const span = (spec.max ?? 100) - (spec.min ?? 0);
  return span <= 5 ? 0.1 : span <= 50 ? 0.5 : 1;
}

/** `?rate=20&workers=3` for the program route. */
export function paramQuery(values: ParamValues): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The actor a socket belongs to, from its label ("PULL worker.ts:12" → "worker"); generated programs use one file per actor. */
export function actorOfSocket(socket: Pick<SocketNode, "label">): string | null {
  const match = /(?:^|\s)([a-z][a-z0-9-]*)\.ts:\d+/.exec(socket.label);
  return match ? match[1] : null;
}

export interface ActorSockets {
  open: number;
  closed: number /** Connects of its open sockets whose peer went away (disconnected or retrying). */;
  linksDown: number;
}

/** Per actor name: its open and closed sockets, and its connects that lost their peer, for the actor rows. */
export function socketsByActor(graph: Pick<GraphState, "nodes" | "connections" | "links">): Map<string, ActorSockets> {
  const counts = new Map<string, ActorSockets>();
  const owner = new Map<string, string>();
  for (const node of graph.nodes) {
    const actor = actorOfSocket(node);
    if (!actor) continue;
    const c = counts.get(actor) ?? { open: 0, closed: 0, linksDown: 0 };
    if (node.closed) c.closed += 1;
    else {
      c.open += 1;
      owner.set(node.id, actor);
    }
    counts.set(actor, c);
  }
  for (const conn of graph.connections) {
    const actor = owner.get(conn.socket);
    const state = graph.links[linkKey(conn.socket, conn.endpoint)]?.state;
    if (actor && (state === "disconnected" || state === "retrying")) counts.get(actor)!.linksDown += 1;
  }
  return counts;
}

/** How many replicas an actor has now: a number, or the current value of the param it names ("$workers"). */
export function replicaCount(replicas: number | string, values: ParamValues): number {
  if (typeof replicas === "number") return replicas;
  const value = values[replicas.replace(/^\$/, "")];
  return typeof value === "number" ? Math.max(0, Math.round(value)) : 1;
}

/** Shows a param's current value with its unit-free formatting: 0.5, 20, "on"/"off". */
export function formatValue(value: ParamValue): string {
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, "");
  return value;
}
