import { constants } from "node:os";
import type { ExitReason } from "../../protocol/trace.js";
import type { RunnerLimitName } from "../../sandboxed/runner/channel.js";
import type { CgroupUsage } from "./run-cgroup.js";

/** Why the supervisor ended a run, when it did; a run that ends by itself has no stop cause. */
export type StopCause =
  | { reason: "timeout"; limit: "wall-time" | "cpu-time" }
  | { reason: "memory"; limit: "memory" }
  | { reason: "limit"; limit: string }
  | { reason: "killed"; by: "stop" | "client-gone" | "shutdown" }
  /** Handling the run's data failed on the server's side: a bug of ours, never the program's doing. */
  | { reason: "error"; internal: true };

/**
 * What the supervisor itself saw of a run's end: exit status and signal, its cgroup's counters, and the one report
 * the runner may make (an uncaught error, on a line carrying the run's channel key, naming at most one of the
 * traced module's own limits). Nothing the program prints or writes decides a verdict.
 */
export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  uncaught?: { name: string; message: string; limit?: RunnerLimitName };
  /** What the run's cgroup saw, when it had one. */
  usage?: CgroupUsage;
  /** Sockets the trace shows still open at the end: only then is "a waiting socket" advice worth giving. */
  openSockets?: number;
  /** What the trace shows kept the program alive, in words (still-running.ts), for a run stopped at its time limit. */
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
  processes: "The program tried to start more processes or threads than allowed (libzmq starts threads for each context), and was refused.",
};
const INTERNAL_ERROR =
  "The workbench failed while processing this run's trace, so it stopped the run. This is a fault of the workbench, not of your program; it has been logged.";
// Reversed so that the first name of a number wins over its aliases (SIGABRT, not SIGIOT).
const SIGNAL_NAMES = new Map(
  Object.entries(constants.signals)
    .reverse()
    .map(([name, n]) => [n, name as NodeJS.Signals]),
);

/** The signal that ended the program: bwrap reports a signalled child as exit code 128 + signal number. */
export function endingSignal(end: Pick<ProcessEnd, "code" | "signal">): NodeJS.Signals | null {
  if (end.signal) return end.signal;
  if (end.code !== null && end.code > 128 && end.code < 128 + 65) return SIGNAL_NAMES.get(end.code - 128) ?? null;
  return null;
}

export function decideVerdict(end: ProcessEnd, cause: StopCause | undefined, wallMs: number): Verdict {
  if (cause?.reason === "killed") {
    const who = {
      stop: "You stopped the run.",
      "client-gone": "The run was stopped because its browser went away.",
      shutdown: "The run was stopped because the server is shutting down.",
    }[cause.by];
    return { reason: "killed", code: end.code, message: who };
  }
  if (cause?.reason === "error") return { reason: "error", code: end.code, message: INTERNAL_ERROR };
  if (cause?.reason === "timeout") return { reason: "timeout", code: end.code, message: timeoutSentence(cause.limit, wallMs, end), limit: cause.limit };
  if (cause)
    return { reason: cause.reason, code: end.code, message: LIMIT_SENTENCES[cause.limit] ?? `The run hit the ${cause.limit} limit.`, limit: cause.limit };
  const signal = endingSignal(end);
  if ((end.usage?.oomKills ?? 0) > 0) return { reason: "memory", code: end.code, message: LIMIT_SENTENCES.memory, limit: "memory" };
  if (signal === "SIGXCPU") return { reason: "timeout", code: end.code, message: LIMIT_SENTENCES["cpu-time"], limit: "cpu-time" };
  if (end.code === 0) return { reason: "ok", code: 0, message: "The program finished normally." };
  // A refused fork or thread start is the kernel's count: it explains an exit code, an uncaught EAGAIN, or the
  // abort libzmq makes when it cannot start its I/O thread.
  if ((end.usage?.pidsRefused ?? 0) > 0) return { reason: "limit", code: end.code, message: LIMIT_SENTENCES.processes, limit: "processes" };
  if (end.uncaught?.limit) {
    const limit = end.uncaught.limit;
    return { reason: "limit", code: end.code, message: `${LIMIT_SENTENCES[limit]} ${end.uncaught.message}`, limit };
  }
  if (end.uncaught) return { reason: "error", code: end.code, message: `The program stopped with an uncaught ${end.uncaught.name}: ${end.uncaught.message}` };
  if (signal === "SIGABRT") {
    // libzmq is named only when the trace shows sockets: advice names causes the run actually had.
    const zmq = (end.openSockets ?? 0) > 0 ? ", and libzmq when one of its own checks fails (too many descriptors, a socket used from two threads)" : "";
    return { reason: "error", code: end.code, message: `The program aborted (SIGABRT). V8 aborts when its heap is full${zmq}.` };
  }
  if (signal) return { reason: "error", code: end.code, message: `The program was ended by signal ${signal}.` };
  return { reason: "error", code: end.code, message: `The program exited with code ${end.code}.` };
}

function timeoutSentence(limit: "wall-time" | "cpu-time", wallMs: number, end: ProcessEnd): string {
  if (limit === "cpu-time") return LIMIT_SENTENCES["cpu-time"];
  const base = `The program was still running after ${Math.round(wallMs / 100) / 10} s, the time limit, and was stopped.`;
  if (end.stillRunning) return `${base} ${end.stillRunning}`;
  return (end.openSockets ?? 0) > 0 ? `${base} A socket still waiting for a message keeps a program alive: close sockets you are done with.` : base;
}
