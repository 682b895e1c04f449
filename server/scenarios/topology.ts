import { endpointsMatch } from "../../protocol/endpoints.js";
import type { Scenario, ScenarioSocketKind } from "../../protocol/scenarios.js";
import { isParamRef, resolveValue, type ParamValues } from "./params.js";
import { actorSockets, endpointList } from "./roles.js";

/** A connection the scenario makes: actor `from` connects to what actor `to` binds. */
export interface Edge {
  from: string;
  to: string;
  endpoint: string;
}

export interface Topology {
  /** Socket kinds each actor opens (per replica), sorted. */
  kinds: Record<string, ScenarioSocketKind[]>;
  edges: Edge[];
  /** Actors that run with at least one replica, with these param values. */
  present: string[];
}

/** The graph a scenario should draw with these param values: which actor's sockets reach which actor's. */
export function expectedTopology(scenario: Scenario, values: ParamValues): Topology {
  const present = scenario.actors.filter((a) => replicasOf(a.replicas, values) > 0).map((a) => a.name);
  const kinds: Record<string, ScenarioSocketKind[]> = {};
  const binds: Array<{ actor: string; endpoint: string }> = [];
  const connects: Array<{ actor: string; endpoint: string }> = [];
  for (const actor of scenario.actors.filter((a) => present.includes(a.name))) {
    kinds[actor.name] = actorSockets(actor)
      .map((s) => s.spec.type)
      .sort();
    for (const { spec } of actorSockets(actor)) {
      for (const e of endpointList(spec.bind)) binds.push({ actor: actor.name, endpoint: String(resolveValue(e, values)) });
      for (const e of endpointList(spec.connect)) connects.push({ actor: actor.name, endpoint: String(resolveValue(e, values)) });
    }
  }
  const edges = connects.flatMap((c) =>
    binds.filter((b) => endpointsMatch(c.endpoint, b.endpoint)).map((b) => ({ from: c.actor, to: b.actor, endpoint: c.endpoint })),
  );
  return { kinds, edges, present };
}

function replicasOf(replicas: number | string | undefined, values: ParamValues): number {
  if (replicas === undefined) return 1;
  return isParamRef(replicas) ? Number(values[replicas.slice(1)]) : replicas;
}
