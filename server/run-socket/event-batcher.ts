import type { TraceEvent } from "../../protocol/trace.js";

const FLUSH_MS = 40;

/**
 * Collects a run's events and sends them in batches, so a busy run costs the browser a few messages a second.
 * When the client falls behind, message events are shed first; lifecycle, console and exit events always go.
 */
export class EventBatcher {
  private pending: TraceEvent[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (events: TraceEvent[]) => void,
    private readonly backlog: () => number,
    /** Above this many unsent bytes on the socket (BROWSER_BACKLOG_BYTES), message events are dropped (counters in run/exit never are). */
    private readonly backlogBytes: number,
  ) {}

  push(events: TraceEvent[]): void {
    const shedding = this.backlog() > this.backlogBytes;
    for (const e of events) {
      if (shedding && (e.type === "message/send" || e.type === "message/recv")) continue;
      this.pending.push(e);
    }
    if (events.some((e) => e.type === "run/exit")) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.send(batch);
    } catch (err) {
      // Runs from a timer: a throw here would end the server. Events are validated and bounded before they get here.
      console.error("could not send a batch of trace events:", err);
    }
  }
}
