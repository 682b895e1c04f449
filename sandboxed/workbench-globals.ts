import type { ChildProcess } from "node:child_process";

/**
 * Everything the runner shares with code inside a run through `globalThis`, in one place. The runner provides each
 * before the learner's entry is imported; zmq-devices reads them when it is loaded by a run and works the same
 * without them (plain Node). This module imports nothing at run time: scenario programs carry it (as
 * workbench/globals.ts) for their runtime, which reaches the globals only through it.
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
