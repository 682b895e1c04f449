import type { TraceEvent } from "../../protocol/trace.js";
import { DEFAULT_LIMITS } from "../sandbox/limits.js";

/**
 * Puts the trace in time order across console, sockets and messages, so a timeline stepped event by event never
 * shows an effect before its cause. Events wait up to `windowMs` (ORDER_WINDOW_MS); equal times keep their arrival
 * order. After each batch at most `maxWaiting` (ORDER_HELD_EVENTS) wait: past it the earliest go on at once, so a flood
 * costs bounded memory and an event arriving later than those may come out after them.
 */
export class TimeOrder {
  private waiting: TraceEvent[] = [];
  /** Events pushed out early by the cap, ahead of everything still waiting. */
  private overflow: TraceEvent[] = [];
  /** The latest time pushed so far. */
  latest = 0;

  constructor(
    private readonly windowMs: number = DEFAULT_LIMITS.ORDER_WINDOW_MS,
    private readonly maxWaiting: number = DEFAULT_LIMITS.ORDER_HELD_EVENTS,
  ) {}

  /** Events waiting in the window now (never above `maxWaiting`). */
  get waitingCount(): number {
    return this.waiting.length;
  }

  push(events: readonly TraceEvent[]): void {
    for (const event of events) {
      this.latest = Math.max(this.latest, event.t);
      this.waiting.splice(placeAfterSameTime(this.waiting, event.t), 0, event);
    }
    // Once per batch, not per event: a flood then costs one splice, not one shift of the whole window each.
    const excess = this.waiting.length - this.maxWaiting;
    if (excess > 0) this.overflow = this.overflow.concat(this.waiting.splice(0, excess));
  }

  /** Events pushed out by the cap, then those no later than `now - windowMs`, in time order. */
  release(now: number): TraceEvent[] {
    const cutoff = now - this.windowMs;
    let count = 0;
    while (count < this.waiting.length && this.waiting[count].t <= cutoff) count++;
    const early = this.overflow.splice(0);
    return count === 0 ? early : early.length ? early.concat(this.waiting.splice(0, count)) : this.waiting.splice(0, count);
  }

  /** Everything still waiting, at the end of the run. */
  flush(): TraceEvent[] {
    return this.overflow.splice(0).concat(this.waiting.splice(0));
  }
}

/** The index after the last event at or before `t` (a binary search: a hostile run may send times backwards). */
function placeAfterSameTime(sorted: readonly TraceEvent[], t: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].t <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}
