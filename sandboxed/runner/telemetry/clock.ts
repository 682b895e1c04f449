import { stampsRunTime } from "./process-scope.js";

let jobStartNow = performance.now();

/** Marks the moment the job arrived; every main-thread `t` counts from here. */
export function markJobStart(): void {
  jobStartNow = performance.now();
}

/**
 * Event time. Worker threads and forked children have their own performance.timeOrigin, so they stamp wall-clock
 * epoch ms and the run's main thread converts with `fromWorkerTime` when their batches arrive.
 */
export function eventTime(): number {
  const ms = stampsRunTime ? performance.now() - jobStartNow : performance.timeOrigin + performance.now();
  return Math.round(ms * 1000) / 1000;
}

export function fromWorkerTime(epochMs: number): number {
  return Math.max(0, Math.round((epochMs - (performance.timeOrigin + jobStartNow)) * 1000) / 1000);
}
