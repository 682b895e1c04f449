import type { Behaviour } from "../../../protocol/scenarios.js";
import { indent, lineComment } from "./text.js";

/** Generated code for actors that sit in the middle: devices as JS loops, and the load-balancing broker. */
export interface MiddleCode {
  body: string[];
  /** Functions placed after the actor's function. */
  helpers: string[];
}

const WHY: Record<Behaviour<"device">["type"], string> = {
  queue: "One loop per direction; frames pass through untouched, so the ROUTER's identity frame leads each reply back to its client.",
  forwarder:
    "Messages flow from the publishers (XSUB) to the subscribers (XPUB); subscriptions flow the other way, so publishers only send what someone wants.",
  streamer: "Tasks flow one way only: whatever comes in at the PULL goes out at the PUSH, shared fairly among the workers.",
};

export function deviceCode(b: Behaviour<"device">, withCapture: boolean): MiddleCode {
  const relay = (from: string, to: string, prefix: string) =>
    withCapture ? `relay(actor, ${from}, ${to}, capture, ${JSON.stringify(prefix)})` : `relay(actor, ${from}, ${to})`;
  const forward = relay("frontend", "backend", b.inPrefix ?? "in");
  const back = relay("backend", "frontend", b.outPrefix ?? "out");
  const body = [
    ...lineComment(WHY[b.type]),
    ...(b.type === "streamer" ? [`await ${forward};`] : ["await Promise.all([", `  ${forward},`, `  ${back},`, "]);"]),
  ];
  return { body, helpers: relayFunction(withCapture) };
}

function relayFunction(withCapture: boolean): string[] {
  const signature = withCapture
    ? "async function relay(actor: Actor, from: zmq.Readable, to: zmq.Writable, capture: zmq.Writable, prefix: string): Promise<void> {"
    : "async function relay(actor: Actor, from: zmq.Readable, to: zmq.Writable): Promise<void> {";
  const copy = withCapture
    ? ["// The capture socket gets a copy, prefixed so a listener can tell what came in from what went out.", "await capture.send([prefix, ...message]);"]
    : [];
  return [
    `/** Moves every message from one socket to the other until the actor stops${withCapture ? ", with a copy to the capture socket" : ""}. */`,
    signature,
    ...indent(["while (await actor.running()) {", ...indent(["const message = await from.receive();", "await to.send(message);", ...copy]), "}"]),
    "}",
  ];
}

export function lruBrokerCode(): MiddleCode {
  const fromWorkers = [
    "const fromWorkers = async () => {",
    ...indent([
      "while (await actor.running()) {",
      ...indent([
        '// [worker, "", "READY"] when a worker starts; [worker, "", client, "", reply] after each job.',
        "const [worker, , client, , reply] = await backend.receive();",
        "idle.push(worker);",
        "workerFreed();",
        'if (reply !== undefined) await frontend.send([client, "", reply]);',
      ]),
      "}",
    ]),
    "};",
  ];
  const fromClients = [
    "const fromClients = async () => {",
    ...indent([
      "while (await actor.running()) {",
      ...indent([
        "// Take a request only when a worker is free; until then requests wait in the clients' queues.",
        "while (idle.length === 0) await new Promise<void>((resolve) => (workerFreed = resolve));",
        "const [client, , request] = await frontend.receive();",
        'await backend.send([idle.shift()!, "", client, "", request]);',
      ]),
      "}",
    ]),
    "};",
  ];
  const body = [
    "// Workers that are free, the one that has waited longest first (least recently used).",
    "const idle: Buffer[] = [];",
    "let workerFreed = () => {};",
    "",
    ...fromWorkers,
    ...fromClients,
    "await Promise.all([fromWorkers(), fromClients()]);",
  ];
  return { body, helpers: [] };
}
