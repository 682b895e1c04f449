import { BEHAVIOUR_NAMES, type ActorSpec, type BehaviourName, type ScenarioSocketKind, type SocketRole, type SocketSpec } from "../../protocol/scenarios.js";

/** `socket` is the one socket of a single-socket actor; the others are keys of `sockets`. */
export type RoleName = "socket" | SocketRole;

export interface SocketRule {
  role: RoleName;
  kinds: ScenarioSocketKind[];
  optional?: boolean;
}

const single = (...kinds: ScenarioSocketKind[]): SocketRule[] => [{ role: "socket", kinds }];

const DEVICE_SOCKETS: Record<"queue" | "forwarder" | "streamer", [ScenarioSocketKind[], ScenarioSocketKind[]]> = {
  queue: [["ROUTER"], ["DEALER"]],
  forwarder: [["XSUB"], ["XPUB"]],
  streamer: [["PULL"], ["PUSH"]],
};

/** Which sockets each behaviour needs, and of which kinds. */
export function socketRules(actor: ActorSpec): SocketRule[] {
  const behaviour = behaviourOf(actor);
  switch (behaviour) {
    case "send":
      return single("PUB", "PUSH", "PAIR", "DEALER", "XPUB");
    case "request":
      return single("REQ");
    case "reply":
      return single("REP");
    case "receive":
      return single("SUB", "PULL", "PAIR", "DEALER");
    case "lruWorker":
      return single("REQ");
    case "work":
      return [
        { role: "input", kinds: ["PULL", "SUB"] },
        { role: "output", kinds: ["PUSH", "PUB"] },
      ];
    case "lruBroker":
      return [
        { role: "frontend", kinds: ["ROUTER"] },
        { role: "backend", kinds: ["ROUTER"] },
      ];
    case "device": {
      const [front, back] = DEVICE_SOCKETS[actor.device!.type];
      return [
        { role: "frontend", kinds: front },
        { role: "backend", kinds: back },
        { role: "capture", kinds: ["PUB", "PUSH"], optional: true },
      ];
    }
    default:
      return [];
  }
}

/** The actor's behaviour: the first behaviour key it has (the loader makes sure it has exactly one). */
export function behaviourOf(actor: ActorSpec): BehaviourName | undefined {
  return BEHAVIOUR_NAMES.find((b) => actor[b] !== undefined);
}

export function behavioursOf(actor: ActorSpec): BehaviourName[] {
  return BEHAVIOUR_NAMES.filter((b) => actor[b] !== undefined);
}

/** The actor's sockets in the order its rules list them. */
export function actorSockets(actor: ActorSpec): Array<{ role: RoleName; spec: SocketSpec }> {
  const found: Array<{ role: RoleName; spec: SocketSpec }> = [];
  for (const { role } of socketRules(actor)) {
    const spec = role === "socket" ? actor.socket : actor.sockets?.[role];
    if (spec) found.push({ role, spec });
  }
  return found;
}

/** For summaries: the socket kinds joined by "/", e.g. "ROUTER/DEALER". */
export function actorKind(actor: ActorSpec): string {
  return actorSockets(actor)
    .map((s) => s.spec.type)
    .join("/");
}

export const endpointList = (endpoints: string | string[] | undefined): string[] =>
  endpoints === undefined ? [] : typeof endpoints === "string" ? [endpoints] : endpoints;
