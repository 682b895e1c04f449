import { isMainThread, threadId } from "node:worker_threads";

/**
 * Set in the environment of a child process the program forks (a ProcessDevice) when the workbench traces it: the
 * child's events go to its parent over the IPC channel instead of the run's telemetry pipe.
 */
export const TRACED_CHILD_ENV = "ZMQ_WORKBENCH_TRACED_CHILD";

/** True in a forked child whose parent relays its telemetry. */
export const inTracedChild = process.env[TRACED_CHILD_ENV] === "1" && typeof process.send === "function";

/** True where events are stamped relative to the job's start: the run's own main thread, and nowhere else. */
export const stampsRunTime = isMainThread && !inTracedChild;

/** The child's pid for socket/open; absent in the run's own process. Pids are unique within the run's sandbox. */
export const processOfEvents: number | undefined = inTracedChild ? process.pid : undefined;

/**
 * Prefix for ids made in this thread (sockets "s", devices "d"), unique across the run's threads and processes:
 * "s3" on the main thread, "w2.s3" in worker thread 2, "p14.s3" in child process 14.
 */
export function scopedId(letter: string): string {
  const processPart = inTracedChild ? `p${process.pid}.` : "";
  const threadPart = threadId === 0 ? "" : `w${threadId}.`;
  return `${processPart}${threadPart}${letter}`;
}
