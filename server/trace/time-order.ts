import type { TraceEvent } from "../../protocol/trace.js";

/**
 * How long (trace ms) an event waits for earlier ones still on their way: worker threads and forked processes
 * report in batches a few tens of ms late, and console output comes by another pipe than the telemetry.
 */
export const ORDER_WINDOW_MS = 150;

/**
 * Puts the trace in time order across console, sockets and messages, so a timeline stepped event by event never
 * shows an effect before its cause. Events wait up to ORDER_WINDOW_MS; equal times keep their arrival order.
 */
export class TimeOrder {
  private waiting: TraceEvent[] = [];
  /** The latest time pushed so far. */
  latest = 0;

  push(events: readonly TraceEvent[]): void {
    for (const event of events) {
      this.latest = Math.max(this.latest, event.t);
      let at = this.waiting.length;
      while (at > 0 && this.waiting[at - 1].t > event.t) at--;
      this.waiting.splice(at, 0, event);
    }
  }

  /** Events no later than `now - ORDER_WINDOW_MS`, in time order. */
  release(now: number): TraceEvent[] {
    const cutoff = now - ORDER_WINDOW_MS;
    let count = 0;
    while (count < this.waiting.length && this.waiting[count].t <= cutoff) count++;
    return count === 0 ? [] : this.waiting.splice(0, count);
  }

  /** Everything still waiting, at the end of the run. */
  flush(): TraceEvent[] {
    return this.waiting.splice(0);
  }
}
