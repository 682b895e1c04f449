import { getEnvironmentData, isMainThread, setEnvironmentData } from "node:worker_threads";
import { MESSAGE_SAMPLE_EVERY as SAMPLE_EVERY } from "../channel.js";
import { limits } from "./limits.js";

const RATE_WINDOW_MS = 1_000;

const SHARED_COUNTERS_KEY = "zmq-workbench/message-budget";
const RECORDED = 0;

/**
 * The message-event budget is the run's, not each thread's: the main thread shares its counters with every worker
 * it starts (environment data is passed to new workers; a SharedArrayBuffer stays shared).
 */
function sharedCounters(): Int32Array {
  const inherited = isMainThread ? undefined : getEnvironmentData(SHARED_COUNTERS_KEY);
  if (inherited instanceof SharedArrayBuffer) return new Int32Array(inherited);
  const buffer = new SharedArrayBuffer(4);
  setEnvironmentData(SHARED_COUNTERS_KEY, buffer);
  return new Int32Array(buffer);
}

const counters = sharedCounters();
/** Sampling after the budget counts per thread: no shared write per message in a flood. */
let unrecordedMessages = 0;
let windowStart = -Infinity;
let eventsInWindow = 0;

/**
 * Whether one more event fits in this second's share of `maxEventsPerSecond`. Opens, binds, connects and
 * closes are never dropped; messages, options and errors in a tight loop are.
 */
export function withinEventRate(): boolean {
  const now = performance.now();
  if (now - windowStart >= RATE_WINDOW_MS) {
    windowStart = now;
    eventsInWindow = 0;
  }
  if (eventsInWindow >= limits.maxEventsPerSecond) return false;
  eventsInWindow++;
  return true;
}

/** Whether the next message gets a full event. Counting happens elsewhere and never depends on this. */
export function shouldRecordMessage(): boolean {
  if (Atomics.load(counters, RECORDED) >= limits.maxMessageEvents && ++unrecordedMessages % SAMPLE_EVERY !== 0) return false;
  if (!withinEventRate()) return false;
  Atomics.add(counters, RECORDED, 1);
  return true;
}
