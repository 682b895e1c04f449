import { Socket } from "node:net";
import { Value } from "@sinclair/typebox/value";
import { CHANNEL_FD, ControlToRunner } from "../channel.js";
import { provideWorkbenchGlobal } from "../../workbench-globals.js";

/** A control line longer than this is dropped: programs get small commands, not data sets. */
const MAX_CONTROL_LINE_BYTES = 1024 * 1024;
/** Messages kept for a program that has not added its listener yet (it may still be loading). */
const MAX_EARLY_MESSAGES = 100;

/** Holds messages that arrive before the program listens, and delivers them to its first listener. */
class ControlTarget extends EventTarget {
  private early: unknown[] | undefined = [];

  deliver(data: unknown): void {
    if (this.early && this.early.length < MAX_EARLY_MESSAGES) this.early.push(data);
    else if (!this.early) this.dispatchEvent(new MessageEvent("control", { data }));
  }

  override addEventListener(...args: Parameters<EventTarget["addEventListener"]>): void {
    super.addEventListener(...args);
    const early = this.early;
    if (args[0] !== "control" || !early) return;
    this.early = undefined;
    queueMicrotask(() => early.forEach((data) => this.dispatchEvent(new MessageEvent("control", { data }))));
  }
}

/** Before the entry is imported: the job's params, and the target control messages are dispatched on. */
export function installControlGlobals(params: Record<string, unknown> | undefined): ControlTarget {
  const target = new ControlTarget();
  provideWorkbenchGlobal("__zmqWorkbenchControl", target);
  provideWorkbenchGlobal("__zmqWorkbenchParams", params && typeof params === "object" && !Array.isArray(params) ? params : {});
  return target;
}

/**
 * Reads `control` lines from the channel after the job and dispatches each message. The reader is unref'd, so a
 * program that is done ends even though the supervisor may still send. `rest` is what arrived with the job line.
 */
export function startControlReader(target: ControlTarget, rest: Buffer): void {
  let pending = rest;
  const onData = (chunk: Buffer): void => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let newline: number;
    while ((newline = pending.indexOf(10)) >= 0) {
      dispatchLine(target, pending.subarray(0, newline));
      pending = pending.subarray(newline + 1);
    }
    if (pending.length > MAX_CONTROL_LINE_BYTES) pending = Buffer.alloc(0);
  };
  // Half-open and never destroyed: ending or closing this stream would shut down fd 3, and telemetry with it.
  const reader = new Socket({ fd: CHANNEL_FD, readable: true, writable: false, allowHalfOpen: true });
  reader.on("data", onData);
  reader.on("error", () => reader.pause());
  reader.unref();
  if (rest.length) onData(Buffer.alloc(0));
}

function dispatchLine(target: ControlTarget, line: Buffer): void {
  let message: unknown;
  try {
    message = JSON.parse(line.toString("utf8"));
  } catch {
    return;
  }
  if (Value.Check(ControlToRunner, message)) target.deliver(message.message);
}
