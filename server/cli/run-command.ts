import { basename } from "node:path";
import { randomUUID } from "node:crypto";
import type { TraceEvent } from "../../protocol/trace.js";
import { limitsFromEnv } from "../sandbox/limits.js";
import { Supervisor } from "../sandbox/supervisor.js";
import { loadFiles } from "./load-files.js";

export interface RunOptions {
  files: string[];
  entry?: string;
  timeoutMs?: number;
  sandbox: string;
  json: boolean;
}

/** Runs files through the same supervisor the server uses; prints NDJSON or a readable log. Returns the exit status. */
export async function runCommand(options: RunOptions): Promise<number> {
  const files = await loadFiles(options.files);
  const supervisor = await Supervisor.create({ driver: options.sandbox, limits: { ...limitsFromEnv(), WARM_POOL_SIZE: 1 } });
  if (supervisor.warning && !options.json) console.error(`warning: ${supervisor.warning}`);
  const print = options.json ? (e: TraceEvent) => process.stdout.write(`${JSON.stringify(e)}\n`) : printReadable;
  try {
    const ticket = await supervisor.submit(
      { runId: randomUUID(), files, entry: options.entry ? basename(options.entry) : undefined, timeoutMs: options.timeoutMs },
      (events) => events.forEach(print),
    );
    const exit = await ticket.done;
    return exit.reason === "ok" ? 0 : 1;
  } finally {
    await supervisor.close();
  }
}

function printReadable(e: TraceEvent): void {
  if (e.type === "console") (e.stream === "stdout" ? process.stdout : process.stderr).write(e.text);
  else if (e.type === "run/exit") console.error(`\n[${e.reason}] ${e.message}`);
  else if (e.type === "diagnostic") console.error(`[${e.severity}] ${e.code}: ${e.message}`);
}
