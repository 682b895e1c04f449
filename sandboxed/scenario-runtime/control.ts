/**
 * Live controls of a running scenario program. This file ships inside every generated program (as
 * workbench/control.ts, beside the globals' accessor as workbench/globals.ts), so the runner needs no module
 * mapping: to deliver a control message it only dispatches an event named "control" on the control global
 * (created here when the runner has not created it first).
 */
import { provideWorkbenchGlobal, workbenchGlobal } from "../workbench-globals.js";

export type ParamValue = number | string | boolean;

export type ControlMessage =
  | { action: "set-param"; name: string; value: ParamValue }
  | { action: "actor"; actor: string; op: "kill" | "restart" | "pause" | "resume" };

export type ControlHandler = (message: ControlMessage) => void;

const handlers = new Set<ControlHandler>();

/** The current value of every live control; a set-param message changes it in place before handlers run. */
export const params: Record<string, ParamValue> = {};

/** Gives the params their starting values and their types; values the runner provided win when their type fits. */
export function defineParams<T extends Record<string, ParamValue>>(initial: T): T {
  // Param values the runner wants the program to start with (they win over the generated defaults).
  const provided = workbenchGlobal("__zmqWorkbenchParams") ?? {};
  for (const [name, value] of Object.entries(initial)) {
    const override = provided[name];
    params[name] = typeof override === typeof value ? (override as ParamValue) : value;
  }
  return params as T;
}

/** Calls `handler` for each control message from now on; returns the function that stops that. */
export function onControl(handler: ControlHandler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/** Applies one message as the runner would deliver it; unknown shapes are ignored (the server validated them). */
export function deliverControl(raw: unknown): void {
  const message = asControlMessage(raw);
  if (!message) return;
  if (message.action === "set-param") {
    if (!(message.name in params) || typeof params[message.name] !== typeof message.value) return;
    params[message.name] = message.value;
  }
  for (const handler of [...handlers]) handler(message);
}

function asControlMessage(raw: unknown): ControlMessage | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const m = raw as Record<string, unknown>;
  const value = m.value;
  if (m.action === "set-param" && typeof m.name === "string" && ["number", "string", "boolean"].includes(typeof value)) {
    if (typeof value === "number" && !Number.isFinite(value)) return undefined;
    return { action: "set-param", name: m.name, value: value as ParamValue };
  }
  if (m.action === "actor" && typeof m.actor === "string" && ["kill", "restart", "pause", "resume"].includes(m.op as string)) {
    return { action: "actor", actor: m.actor, op: m.op as "kill" };
  }
  return undefined;
}

function listen(): void {
  let target = workbenchGlobal("__zmqWorkbenchControl");
  if (!target) provideWorkbenchGlobal("__zmqWorkbenchControl", (target = new EventTarget()));
  target.addEventListener("control", (event) => deliverControl((event as CustomEvent).detail ?? (event as MessageEvent).data));
}

listen();
