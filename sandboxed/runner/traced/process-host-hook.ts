import type { ChildProcess } from "node:child_process";
import { TRACED_CHILD_ENV } from "../telemetry/process-scope.js";
import { acceptChildBatch, isChildBatch } from "../telemetry/sink.js";

/** What zmq-devices asks before it forks a device process; see devices/README.md "Workbench trace hook". */
export interface ProcessHostHook {
  /** Added to the child's environment. */
  env: Record<string, string>;
  /** Called with the forked child, before any of its messages can arrive. */
  attach(child: ChildProcess): void;
}

declare global {
  // eslint-disable-next-line no-var
  var __zmqWorkbenchProcessHost: ProcessHostHook | undefined;
}

/**
 * A forked child inherits the runner's --import of the hooks, so its zeromq is the traced one already; this makes
 * it send its events here, over the IPC channel, and relays them as this thread's own.
 */
globalThis.__zmqWorkbenchProcessHost = {
  env: { [TRACED_CHILD_ENV]: "1" },
  attach(child) {
    child.on("message", (message: unknown) => {
      if (isChildBatch(message)) acceptChildBatch(message);
    });
  },
};
