/**
 * The runner process: announces itself, waits for one job, writes the learner's files into the work dir and
 * runs the entry as `node <entry>` would (CommonJS or ESM, `require.main`, `process.argv[1]`). Telemetry leaves on
 * fd 3; the program's stdout/stderr stay its own.
 */
import Module from "node:module";
import { setChannelKey, writeChannelMessage } from "../telemetry/channel-writer.js";
import { markJobStart } from "../telemetry/clock.js";
import { startMainTelemetry } from "../telemetry/sink.js";
import { installControlGlobals, startControlReader } from "../telemetry/control-reader.js";
import { readJobBlocking } from "../job/read-job.js";
import { writeJobFiles } from "../job/write-files.js";
import { learnerStack } from "../job/learner-stack.js";
import { configureLimits, limitRaisedHere } from "../traced/limits.js";
import { capDefaultContext } from "../traced/socket-slots.js";
import { countWorkerThreads } from "../traced/liveness.js";
import "../traced/classes.js"; // loads the native addon now, so a warm runner answers its job quickly

let flushTelemetry = (): void => {};

function reportUncaught(error: unknown): never {
  const err = error instanceof Error ? error : new Error(`a value that is not an Error was thrown: ${String(error)}`);
  const limit = limitRaisedHere(error);
  flushTelemetry();
  // Clipped to the channel's bounds: a longer report would be refused whole.
  writeChannelMessage({
    type: "uncaught",
    name: String(err.name).slice(0, 200),
    message: String(err.message).slice(0, 4000),
    ...(err.stack ? { stack: learnerStack(String(err.stack)).slice(0, 16_000) } : {}),
    ...(limit ? { limit } : {}),
  });
  process.exit(1);
}

/**
 * A program printing in a tight loop never yields, so output queued by a non-blocking pipe would never leave: the
 * supervisor would see the first 64 KiB and end the run as a timeout, or as memory. Blocking writes go out as they
 * are made, so the supervisor counts them and an output flood always ends as the output limit.
 */
for (const stream of [process.stdout, process.stderr]) {
  (stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true);
}

process.on("uncaughtException", reportUncaught);
process.on("unhandledRejection", reportUncaught);

writeChannelMessage({ type: "ready", pid: process.pid });
const {
  job: { key, ...job },
  rest,
} = readJobBlocking();
setChannelKey(key);
markJobStart();
configureLimits(job.limits);
capDefaultContext();
countWorkerThreads();
flushTelemetry = startMainTelemetry().flushNow;
startControlReader(installControlGlobals(job.params), rest);
const entry = writeJobFiles(process.cwd(), job.files, job.entry, new URL("./", import.meta.url).href);
process.argv[1] = entry;
(Module as unknown as { runMain(main: string): void }).runMain(entry);
