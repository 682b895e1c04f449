import { parseArgs } from "node:util";
import { runCommand } from "./run-command.js";

const USAGE = `Usage:
  zmq-workbench run <file...> [--entry F] [--timeout-ms N] [--sandbox auto|bwrap|none] --json
      Runs the files in the workbench sandbox and prints the trace as NDJSON, ending with run/exit.
  zmq-workbench check <lessonId> <file...> [--entry F] [--json]
      Runs the files and judges them with the lesson's check.
Exit status: 0 for a run that ended normally, 1 otherwise, 2 for bad usage.`;

class UsageError extends Error {}

const [command, ...rest] = process.argv.slice(2);
try {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      entry: { type: "string" },
      "timeout-ms": { type: "string" },
      sandbox: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !command || command === "help" || command === "--help") {
    console.log(USAGE);
    process.exit(command ? 0 : 2);
  }
  const timeoutMs = values["timeout-ms"] === undefined ? undefined : Number(values["timeout-ms"]);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0))
    throw new UsageError("--timeout-ms takes a positive whole number of milliseconds");
  if (command === "run") {
    if (positionals.length === 0) throw new UsageError("run needs at least one file");
    process.exitCode = await runCommand({ files: positionals, entry: values.entry, timeoutMs, sandbox: values.sandbox ?? "auto", json: values.json });
  } else if (command === "check") {
    const { checkCommand } = await import("./check-command.js");
    const [lessonId, ...files] = positionals;
    if (!lessonId || files.length === 0) throw new UsageError("check needs a lesson id and at least one file");
    process.exitCode = await checkCommand({ lessonId, files, entry: values.entry, sandbox: values.sandbox ?? "auto", json: values.json });
  } else {
    throw new UsageError(`unknown command "${command}"`);
  }
} catch (err) {
  const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(`zmq-workbench: ${(err as Error).message}${usage ? `\n\n${USAGE}` : ""}`);
  process.exitCode = usage ? 2 : 1;
}
