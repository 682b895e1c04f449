import type { ActorSpec, SocketSpec } from "../../../protocol/scenarios.js";
import { actorSockets, behaviourOf } from "../roles.js";
import { lruWorkerLoop, opener, receiveLoop, replyLoop, requestLoop, sendLoop, workLoop } from "./behaviours.js";
import { deviceCode, lruBrokerCode, type MiddleCode } from "./devices.js";
import { numberExpr, socketSetup, variableOf } from "./sockets.js";
import { docComment, indent } from "./text.js";

/** `weather-server` → `weatherServer`: the actor's function name. */
export const functionName = (actor: string) => actor.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const DEFAULT_ABOUT: Record<string, string> = {
  send: "Sends messages at a steady rate.",
  request: "Sends a request and waits for its reply, again and again: REQ is lock-step.",
  reply: "Answers each request it receives.",
  receive: "Receives messages and reports them.",
  work: "A worker: takes a task from its input, works on it, passes the result on.",
  device: "A device: it forwards messages between its two sockets.",
  lruBroker: "A load-balancing broker: it hands each request to the worker that has been free longest.",
  lruWorker: "A worker of the load-balancing broker.",
};

/** The source of `<actor>.ts`: one exported async function that sets up the actor's sockets and runs its loop. */
export function actorFile(actor: ActorSpec): string {
  const behaviour = behaviourOf(actor)!;
  const sockets = actorSockets(actor);
  const single = sockets[0]?.role === "socket" ? variableOf("socket", sockets[0].spec) : "";
  const setup =
    actor.request?.timeoutMs !== undefined
      ? lazyPirateSetup(single, sockets[0].spec, actor.request.timeoutMs)
      : sockets.flatMap(({ role, spec }) => socketSetup(role, spec));
  const middle: MiddleCode =
    behaviour === "device"
      ? deviceCode(
          actor.device!,
          sockets.some((s) => s.role === "capture"),
        )
      : behaviour === "lruBroker"
        ? lruBrokerCode()
        : { body: loopOf(actor, single), helpers: [] };
  const late =
    actor.startAfterMs === undefined
      ? []
      : [`// Joins late on purpose: ${numberExpr(actor.startAfterMs)} ms after the others.`, `await actor.sleep(${numberExpr(actor.startAfterMs)});`];

  const fn = [
    ...docComment(actor.about ?? DEFAULT_ABOUT[behaviour]),
    `export async function ${functionName(actor.name)}(actor: Actor): Promise<void> {`,
    ...indent([...late, ...setup, "", ...middle.body]),
    "}",
  ];
  const code = [...fn, ...(middle.helpers.length ? ["", ...middle.helpers] : [])].join("\n");
  return [...imports(code), "", code, ""].join("\n");
}

/** A client that gives up on a reply replaces its REQ socket, so the socket is opened by a function. */
function lazyPirateSetup(name: string, spec: SocketSpec, timeoutMs: number | string): string[] {
  const [create, ...rest] = socketSetup("socket", spec, { receiveTimeout: numberExpr(timeoutMs), linger: "0" });
  return [`const ${opener(name)} = () => {`, ...indent([create, ...rest, `return ${name};`]), "};", `let ${name} = ${opener(name)}();`];
}

function loopOf(actor: ActorSpec, socket: string): string[] {
  if (actor.send) return sendLoop(actor.send, socket);
  if (actor.request) return requestLoop(actor.request, socket);
  if (actor.reply) return replyLoop(actor.reply, socket);
  if (actor.receive) return receiveLoop(actor.receive, socket);
  if (actor.work) return workLoop(actor.work);
  if (actor.lruWorker) return lruWorkerLoop(actor.lruWorker);
  throw new Error(`actor ${actor.name} has no behaviour`);
}

/** Only the imports the code uses, so the file reads as a whole program and nothing is unused. */
function imports(code: string): string[] {
  const lines = [];
  if (code.includes("randomInt(")) lines.push('import { randomInt } from "node:crypto";');
  lines.push('import * as zmq from "zeromq";');
  const runtime = ["framesText"].filter((name) => code.includes(`${name}(`));
  lines.push(
    runtime.length ? `import { type Actor, ${runtime.join(", ")} } from "./workbench/actors.js";` : 'import type { Actor } from "./workbench/actors.js";',
  );
  if (code.includes("params.")) lines.push('import { params } from "./params.js";');
  return lines;
}
