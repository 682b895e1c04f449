/**
 * The runner process: announces itself, waits for one job, writes the learner's files into the work dir and
 * runs the entry as `node <entry>` would (CommonJS or ESM, `require.main`, `process.argv[1]`). Telemetry leaves on fd 3; the program's stdout/stderr stay its own.
 */
import Module from "node:module";
import { writeChannelMessage } from "../telemetry/channel-writer.js";
import { markJobStart } from "../telemetry/clock.js";
import { startMainTelemetry } from "../telemetry/sink.js";
import { installControlGlobals, startControlReader } from "../telemetry/control.js";
import { readJobBlocking } from "../job/read-job.js";
import { writeJobFiles } from "../job/write-files.js";
import { learnerStack } from "../job/learner-stack.js";
import { configureLimits } from "../traced/limits.js";
import { capDefaultContext } from "../traced/socket-slots.js";
import { countWorkerThreads } from "../traced/liveness.js";
import "../traced/classes.js"; // loads the native addon now, so a warm runner answers its job quickly

let flushTelemetry = (): void => {};

function reportUncaught(error: unknown): never {
  const err = error instanceof Error ? error : new Error(`a value that is not an Error was thrown: ${String(error)}`);
  const limit = (err as { limit?: unknown }).limit;
  flushTelemetry();
  writeChannelMessage({
    type: "uncaught",
    name: err.name,
    message: err.message,
    ...(err.stack ? { stack: learnerStack(err.stack) } : {}),
    ...(typeof limit === "string" ? { limit } : {}),
  });
  process.exit(1);
}

process.on("uncaughtException", reportUncaught);
process.on("unhandledRejection", reportUncaught);

writeChannelMessage({ type: "ready", pid: process.pid });
const { job, rest } = readJobBlocking();
markJobStart();
configureLimits(job.limits);
capDefaultContext();
countWorkerThreads();
flushTelemetry = startMainTelemetry().flushNow;
startControlReader(installControlGlobals(job.params), rest);
const entry = writeJobFiles(process.cwd(), job.files, job.entry, new URL("./", import.meta.url).href);
process.argv[1] = entry;
(Module as unknown as { runMain(main: string): void }).runMain(entry);
