import type { Behaviour } from "../../../protocol/scenarios.js";
import { isParamRef } from "../params.js";
import { parseTemplate, templateExpression, usesCounter } from "../template.js";
import { numberExpr } from "./sockets.js";
import { indent } from "./text.js";

type PrintMode = "each" | "summary" | "first" | "none";

/**
 * Lines that report what an actor handles: `each` line, a `summary` a second, only the `first`, or nothing.
 * `text` is the inside of a template literal.
 */
function printer(mode: PrintMode, noun: string, text: string, extra?: { setup: string[]; summary: string }) {
  const setup = [...(extra?.setup ?? [])];
  const perMessage: string[] = [];
  if (mode === "each") perMessage.push(`actor.log(\`${text}\`);`);
  if (mode === "first") setup.push("let first = true;"), perMessage.push(`if (first) actor.log(\`the first of the ${noun}: ${text}\`);`, "first = false;");
  if (mode === "summary") {
    setup.push(
      "let count = 0;",
      "actor.interval(1000, () => {",
      `  if (count > 0) actor.log(\`${noun} in the last second: \${count}${extra?.summary ?? ""}\`);`,
      "  count = 0;",
      "});",
    );
    perMessage.push("count++;");
  }
  return { setup, perMessage };
}

/** `while (await actor.every(...))` for a rate in messages a second, with a comment a teacher can read aloud. */
function pacedLoop(rate: number | string): string[] {
  const interval = isParamRef(rate) ? `1000 / params.${rate.slice(1)}` : String(Math.round((1000 / rate) * 1000) / 1000);
  const said = isParamRef(rate) ? `As many times a second as the ${rate.slice(1)} control says; a new value applies at once.` : `${rate} times a second.`;
  return [`// ${said}`, `while (await actor.every(() => ${interval})) {`];
}

function counted(template: string, always = false): string[] {
  return always || usesCounter(parseTemplate(template)) ? ["n++;"] : [];
}

const delayLines = (delayMs: number | string | undefined, why: string) =>
  delayMs === undefined ? [] : [`await actor.sleep(${numberExpr(delayMs)}); // ${why}`];

export function sendLoop(b: Behaviour<"send">, socket: string): string[] {
  const { setup, perMessage } = printer(b.print ?? "none", "messages sent", "sent message ${n}");
  return [
    ...setup,
    ...(usesCounter(parseTemplate(b.payload)) || b.print === "each" ? ["let n = 0;"] : []),
    ...pacedLoop(b.rate),
    ...indent([...counted(b.payload, b.print === "each"), `await ${socket}.send(${templateExpression(parseTemplate(b.payload))});`, ...perMessage]),
    "}",
  ];
}

export function requestLoop(b: Behaviour<"request">, socket: string): string[] {
  const { setup, perMessage } = printer(b.print ?? "each", "replies", "got ${reply}");
  const ask = [`await ${socket}.send(${templateExpression(parseTemplate(b.payload))});`];
  const receiveReply = [perMessage.some((l) => l.includes("reply")) ? `const [reply] = await ${socket}.receive();` : `await ${socket}.receive(); // the reply`];
  const timeout = b.timeoutMs === undefined ? "" : isParamRef(b.timeoutMs) ? `\${params.${b.timeoutMs.slice(1)}}` : String(b.timeoutMs);
  const receive =
    b.timeoutMs === undefined
      ? [...receiveReply, ...perMessage]
      : [
          "try {",
          ...indent([...receiveReply, ...perMessage]),
          "} catch (err) {",
          ...indent([
            'if (!actor.alive || (err as { code?: string }).code !== "EAGAIN") throw err;',
            "// No reply in time: the server may be gone. This REQ socket still waits for that reply and may not send",
            "// again, so a fresh socket takes its place (the Lazy Pirate pattern).",
            `actor.log(\`no reply within ${timeout} ms; asking again on a new socket\`);`,
            `${socket}.close();`,
            `${socket} = ${opener(socket)}();`,
          ]),
          "}",
        ];
  return [
    ...setup,
    ...(usesCounter(parseTemplate(b.payload)) ? ["let n = 0;"] : []),
    ...pacedLoop(b.rate),
    ...indent([...counted(b.payload), ...ask, ...receive]),
    "}",
  ];
}

/** `requester` → `openRequester`: the function a Lazy Pirate client opens its REQ socket with. */
export const opener = (socket: string) => `open${socket[0].toUpperCase()}${socket.slice(1)}`;

export function replyLoop(b: Behaviour<"reply">, socket: string): string[] {
  const { setup, perMessage } = printer(b.print ?? "none", "requests", "answering ${request}");
  return [
    ...setup,
    "while (await actor.running()) {",
    ...indent([
      `const [request] = await ${socket}.receive();`,
      ...perMessage,
      ...delayLines(b.delayMs, "the time it takes to answer"),
      `await ${socket}.send(${templateExpression(parseTemplate(b.payload))});`,
    ]),
    "}",
  ];
}

export function receiveLoop(b: Behaviour<"receive">, socket: string): string[] {
  const gaps = b.gaps ? { setup: ["let expected: number | undefined;", "let lost = 0;"], summary: ", ${lost} lost so far" } : undefined;
  const { setup, perMessage } = printer(b.print ?? "summary", "messages", "${framesText(frames)}", gaps);
  const countGaps = b.gaps
    ? [
        "// The last word is the sender's sequence number: a jump means messages that never arrived.",
        'const seq = Number(String(frames[frames.length - 1]).split(" ").pop());',
        "if (expected !== undefined && seq > expected) lost += seq - expected;",
        "expected = seq + 1;",
      ]
    : [];
  return [
    ...setup,
    "while (await actor.running()) {",
    ...indent([
      b.gaps || perMessage.some((l) => l.includes("frames")) ? `const frames = await ${socket}.receive();` : `await ${socket}.receive();`,
      ...countGaps,
      ...perMessage,
      ...delayLines(b.delayMs, "a slow consumer: messages queue up meanwhile"),
    ]),
    "}",
  ];
}

export function workLoop(b: Behaviour<"work">): string[] {
  const { setup, perMessage } = printer(b.print ?? "none", "tasks", "working on ${task}");
  return [
    ...setup,
    "while (await actor.running()) {",
    ...indent([
      "const [task] = await input.receive();",
      ...perMessage,
      ...delayLines(b.delayMs, "the work itself"),
      `await output.send(${templateExpression(parseTemplate(b.payload ?? "{request}"), { request: "task" })});`,
    ]),
    "}",
  ];
}

export function lruWorkerLoop(b: Behaviour<"lruWorker">): string[] {
  const { setup, perMessage } = printer(b.print ?? "none", "jobs", "working on ${request}");
  return [
    ...setup,
    "// Tell the broker this worker is free; from then on each reply says so again.",
    'await requester.send("READY");',
    "while (await actor.running()) {",
    ...indent([
      "// The broker wraps each job in the client's envelope; sending it back routes the reply to that client.",
      "const [client, empty, request] = await requester.receive();",
      ...perMessage,
      ...delayLines(b.delayMs, "the work itself"),
      `await requester.send([client, empty, ${templateExpression(parseTemplate(b.payload ?? "{request}"))}]);`,
    ]),
    "}",
  ];
}
