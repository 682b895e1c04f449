import { constants } from "node:os";
import type { ExitReason } from "../../protocol/trace.js";
import type { CgroupUsage } from "./run-cgroup.js";

/** Why the supervisor ended a run, when it did; a run that ends by itself has no stop cause. */
export type StopCause =
  | { reason: "timeout"; limit: "wall-time" | "cpu-time" }
  | { reason: "memory"; limit: "memory" }
  | { reason: "limit"; limit: string }
  | { reason: "killed"; by: "stop" | "client-gone" | "shutdown" };

export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
  uncaught?: { name: string; message: string; limit?: string };
  /** What the run's cgroup saw, when it had one. */
  usage?: CgroupUsage;
  /** What the trace shows kept the program alive, in words, for a run stopped at its time limit. */
  stillRunning?: string;
}

export interface Verdict {
  reason: ExitReason;
  code: number | null;
  message: string;
  limit?: string;
}

const LIMIT_SENTENCES: Record<string, string> = {
  "wall-time": "The program ran longer than the time limit and was stopped.",
  "cpu-time": "The program used more CPU time than allowed and was stopped.",
  memory: "The program used more memory than allowed and was stopped.",
  output: "The program printed more output than allowed; the rest was cut off and the program was stopped.",
  telemetry: "The program produced more socket activity than the workbench can record, so it was stopped.",
  sockets: "The program opened more sockets than one run may have.",
  "message-size": "The program tried to send a message larger than allowed.",
  processes: "The program tried to start more processes or threads than allowed.",
};

/** How V8, Node, libc and libzmq say they ran out of memory (V8: "Array buffer allocation failed", "heap out of memory"). */
const MEMORY_PATTERN = /heap out of memory|allocation failed|cannot allocate memory|std::bad_alloc|ENOMEM|out of memory/i;
// Reversed so that the first name of a number wins over its aliases (SIGABRT, not SIGIOT).
const SIGNAL_NAMES = new Map(Object.entries(constants.signals).reverse().map(([name, n]) => [n, name as NodeJS.Signals]));

/** The signal that ended the program: bwrap reports a signalled child as exit code 128 + signal number. */
export function endingSignal(end: Pick<ProcessEnd, "code" | "signal">): NodeJS.Signals | null {
  if (end.signal) return end.signal;
  if (end.code !== null && end.code > 128 && end.code < 128 + 65) return SIGNAL_NAMES.get(end.code - 128) ?? null;
  return null;
}

export function decideVerdict(end: ProcessEnd, cause: StopCause | undefined, wallMs: number): Verdict {
  if (cause?.reason === "killed") {
    const who = { stop: "You stopped the run.", "client-gone": "The run was stopped because its browser went away.", shutdown: "The run was stopped because the server is shutting down." }[cause.by];
    return { reason: "killed", code: end.code, message: who };
  }
  if (cause?.reason === "timeout") {
    const why = end.stillRunning ?? "A socket still waiting for a message keeps a program alive: close sockets you are done with.";
    const message = cause.limit === "wall-time" ? `The program was still running after ${Math.round(wallMs / 100) / 10} s, the time limit, and was stopped. ${why}` : LIMIT_SENTENCES["cpu-time"];
    return { reason: "timeout", code: end.code, message, limit: cause.limit };
  }
  if (cause) return { reason: cause.reason, code: end.code, message: LIMIT_SENTENCES[cause.limit] ?? `The run hit the ${cause.limit} limit.`, limit: cause.limit };
  const signal = endingSignal(end);
  const saysOutOfMemory = end.code !== 0 && (MEMORY_PATTERN.test(end.stderrTail) || MEMORY_PATTERN.test(end.uncaught?.message ?? ""));
  if ((end.usage?.oomKills ?? 0) > 0 || saysOutOfMemory) {
    return { reason: "memory", code: end.code, message: LIMIT_SENTENCES.memory, limit: "memory" };
  }
  if (signal === "SIGXCPU") return { reason: "timeout", code: end.code, message: LIMIT_SENTENCES["cpu-time"], limit: "cpu-time" };
  if (end.uncaught?.limit) {
    const limit = end.uncaught.limit;
    return { reason: "limit", code: end.code, message: `${LIMIT_SENTENCES[limit] ?? `The run hit the ${limit} limit.`} ${end.uncaught.message}`, limit };
  }
  if (end.code === 0) return { reason: "ok", code: 0, message: "The program finished normally." };
  if ((end.usage?.pidsRefused ?? 0) > 0) return { reason: "limit", code: end.code, message: LIMIT_SENTENCES.processes, limit: "processes" };
  if (end.uncaught) return { reason: "error", code: end.code, message: `The program stopped with an uncaught ${end.uncaught.name}: ${end.uncaught.message}` };
  if (signal) return { reason: "error", code: end.code, message: `The program was ended by signal ${signal}.` };
  return { reason: "error", code: end.code, message: `The program exited with code ${end.code}.` };
}
