import type { ExitReason } from "../../protocol/trace.js";

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
  processes: "The program started more processes or threads than allowed.",
};

const MEMORY_PATTERN = /heap out of memory|Allocation failed|Cannot allocate memory|std::bad_alloc|ENOMEM/;

export function decideVerdict(end: ProcessEnd, cause: StopCause | undefined, wallMs: number): Verdict {
  if (cause?.reason === "killed") {
    const who = { stop: "You stopped the run.", "client-gone": "The run was stopped because its browser went away.", shutdown: "The run was stopped because the server is shutting down." }[cause.by];
    return { reason: "killed", code: end.code, message: who };
  }
  if (cause?.reason === "timeout") {
    const message = cause.limit === "wall-time" ? `The program was still running after ${Math.round(wallMs / 100) / 10} s, the time limit, and was stopped. A socket still waiting for a message keeps a program alive: close sockets you are done with.` : LIMIT_SENTENCES["cpu-time"];
    return { reason: "timeout", code: end.code, message, limit: cause.limit };
  }
  if (cause) return { reason: cause.reason, code: end.code, message: LIMIT_SENTENCES[cause.limit] ?? `The run hit the ${cause.limit} limit.`, limit: cause.limit };
  if (end.signal === "SIGXCPU") return { reason: "timeout", code: null, message: LIMIT_SENTENCES["cpu-time"], limit: "cpu-time" };
  if (MEMORY_PATTERN.test(end.stderrTail) || MEMORY_PATTERN.test(end.uncaught?.message ?? "")) {
    return { reason: "memory", code: end.code, message: LIMIT_SENTENCES.memory, limit: "memory" };
  }
  if (end.uncaught?.limit) {
    const limit = end.uncaught.limit;
    return { reason: "limit", code: end.code, message: `${LIMIT_SENTENCES[limit] ?? `The run hit the ${limit} limit.`} ${end.uncaught.message}`, limit };
  }
  if (end.code === 0) return { reason: "ok", code: 0, message: "The program finished normally." };
  if (end.uncaught) return { reason: "error", code: end.code, message: `The program stopped with an uncaught ${end.uncaught.name}: ${end.uncaught.message}` };
  if (end.signal) return { reason: "error", code: null, message: `The program was ended by signal ${end.signal}.` };
  return { reason: "error", code: end.code, message: `The program exited with code ${end.code}.` };
}
