import { TRACED_CHILD_ENV } from "../telemetry/process-scope.js";
import { acceptChildBatch, isChildBatch } from "../telemetry/sink.js";
import { provideWorkbenchGlobal } from "../../workbench-globals.js";

/**
 * A forked child inherits the runner's --import of the hooks, so its zeromq is the traced one already; this makes
 * it send its events here, over the IPC channel, and relays them as this thread's own.
 */
provideWorkbenchGlobal("__zmqWorkbenchProcessHost", {
  env: { [TRACED_CHILD_ENV]: "1" },
  attach(child) {
    child.on("message", (message: unknown) => {
      if (isChildBatch(message)) acceptChildBatch(message);
    });
  },
});
