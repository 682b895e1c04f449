import { limits } from "./limits.js";

/** After the full-event budget, one message in this many still gets an event, so long runs stay visible. */
const SAMPLE_EVERY = 1_000;
const RATE_WINDOW_MS = 1_000;

let recordedMessages = 0;
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
  if (recordedMessages >= limits.maxMessageEvents && ++unrecordedMessages % SAMPLE_EVERY !== 0) return false;
  if (!withinEventRate()) return false;
  recordedMessages++;
  return true;
}
