import type { ChildProcess } from "node:child_process";
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

/**
 * Everything the runner shares with code inside a run through `globalThis`, in one place. The runner provides each
 * before the learner's entry is imported; zmq-devices reads them when it is loaded by a run and works the same
 * without them (plain Node). The scenario runtime ships as source inside generated programs and so cannot import
 * this module: it declares the two it reads (`__zmqWorkbenchControl`, `__zmqWorkbenchParams`) with these shapes.
 */
export interface WorkbenchGlobals {
  /** Control messages for the program (scenarios' live controls), as `MessageEvent("control", { data })`. */
  __zmqWorkbenchControl: EventTarget;
  /** Starting values of the program's live params. */
  __zmqWorkbenchParams: Record<string, unknown>;
  /** Called by zmq-devices when a device starts, so the graph draws it around its sockets; returns its id. */
  __zmqWorkbenchDevice: (device: unknown) => string | undefined;
  /** Asked by zmq-devices before it forks a device process, so the child's trace reaches the run's. */
  __zmqWorkbenchProcessHost: ProcessHostHook;
}

/** A device announcement as the runner accepts it: checked, since the program can call the hook with anything. */
export const DeviceAnnouncement = Type.Object({
  kind: Type.String({ maxLength: 40 }),
  sockets: Type.Array(Type.Unknown(), { maxItems: 16 }),
  label: Type.Optional(Type.String({ maxLength: 80 })),
});
export type DeviceAnnouncement = Static<typeof DeviceAnnouncement>;

export function isDeviceAnnouncement(value: unknown): value is DeviceAnnouncement {
  return Value.Check(DeviceAnnouncement, value);
}

export interface ProcessHostHook {
  /** Added to the child's environment. */
  env?: Record<string, string>;
  /** Called with the forked child, before any of its messages can arrive. */
  attach?(child: ChildProcess): void;
}

export function workbenchGlobal<K extends keyof WorkbenchGlobals>(name: K): WorkbenchGlobals[K] | undefined {
  return (globalThis as Partial<WorkbenchGlobals>)[name];
}

export function provideWorkbenchGlobal<K extends keyof WorkbenchGlobals>(name: K, value: WorkbenchGlobals[K]): void {
  (globalThis as Partial<WorkbenchGlobals>)[name] = value;
}
