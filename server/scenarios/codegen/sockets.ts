import type { ScenarioSocketKind, SocketSpec } from "../../../protocol/scenarios.js";
import { isParamRef } from "../params.js";
import { endpointList, type RoleName } from "../roles.js";
import { appendAll } from "../../util/append-all.js";

export const CLASS_OF: Record<ScenarioSocketKind, string> = {
  REQ: "Request",
  REP: "Reply",
  DEALER: "Dealer",
  ROUTER: "Router",
  PUB: "Publisher",
  SUB: "Subscriber",
  XPUB: "XPublisher",
  XSUB: "XSubscriber",
  PUSH: "Push",
  PULL: "Pull",
  PAIR: "Pair",
};

const SINGLE_NAME: Record<ScenarioSocketKind, string> = {
  REQ: "requester",
  REP: "responder",
  DEALER: "dealer",
  ROUTER: "router",
  PUB: "publisher",
  SUB: "subscriber",
  XPUB: "xpub",
  XSUB: "xsub",
  PUSH: "sender",
  PULL: "receiver",
  PAIR: "pair",
};

export const variableOf = (role: RoleName, spec: SocketSpec): string => (role === "socket" ? SINGLE_NAME[spec.type] : role);

/** A number field as code: a literal, or the live param it refers to. */
export function numberExpr(value: number | string): string {
  return isParamRef(value) ? `params.${value.slice(1)}` : String(value);
}

/** A string field as code: a quoted literal, or the live param it refers to. */
export function stringExpr(value: string): string {
  return isParamRef(value) ? `params.${value.slice(1)}` : JSON.stringify(value);
}

/** The lines that create one socket, set its options, bind or connect it and subscribe. */
export function socketSetup(role: RoleName, spec: SocketSpec, extraOptions: Record<string, string> = {}): string[] {
  const name = variableOf(role, spec);
  const options = {
    ...Object.fromEntries(Object.entries(spec.options ?? {}).map(([k, v]) => [k, typeof v === "boolean" ? String(v) : numberExpr(v)])),
    ...extraOptions,
  };
  const optionText = Object.keys(options).length
    ? `{ ${Object.entries(options)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ")} }`
    : "";
  const lines = [`const ${name} = actor.socket(new zmq.${CLASS_OF[spec.type]}(${optionText}));`];
  for (const endpoint of endpointList(spec.bind)) lines.push(`await ${name}.bind(${stringExpr(endpoint)});`);
  for (const endpoint of endpointList(spec.connect)) lines.push(`${name}.connect(${stringExpr(endpoint)});`);
  if (spec.subscribe) appendAll(lines, subscribeLines(name, spec.subscribe));
  return lines;
}

function subscribeLines(name: string, topics: string[]): string[] {
  const lines = [`${name}.subscribe(${topics.map(stringExpr).join(", ")});`];
  for (const topic of topics.filter(isParamRef)) {
    const param = topic.slice(1);
    lines.push(
      `// A new value of the ${param} control changes the subscription at once.`,
      `actor.onParamChange(${JSON.stringify(param)}, (previous) => {`,
      `  ${name}.unsubscribe(String(previous));`,
      `  ${name}.subscribe(params.${param});`,
      "});",
    );
  }
  return lines;
}
