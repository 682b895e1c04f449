import type { SocketTotals, TraceEvent } from "../../protocol/trace.js";
import { MessageAttributor } from "./attribute.js";
import { RunDiagnostics } from "./run-diagnostics.js";
import { appendAll } from "../util/append-all.js";

/**
 * What the supervisor does with one run's validated telemetry before it reaches the browser: message routing
 * attribution and the diagnostics that need the whole run. One per run; pure apart from its own state.
 */
export class TraceProcessor {
  private readonly attributor: MessageAttributor;
  private readonly diagnostics = new RunDiagnostics();

  /** `maxHeld`: events that may wait behind a receive whose send has not arrived (TRACE_HELD_EVENTS). */
  constructor(maxHeld = Infinity) {
    this.attributor = new MessageAttributor(undefined, maxHeld);
  }

  /** Each validated batch in order (and `[]` now and then, so held events and 1 s checks are not stuck). */
  process(events: readonly TraceEvent[], now: number): TraceEvent[] {
    const diagnostics = this.diagnostics.push(events, now);
    return appendAll(this.attributor.push(events, now), diagnostics);
  }

  /** Once the runner has exited, before run/exit: held events and end-of-run diagnostics. */
  finish(totals: Record<string, SocketTotals>, now: number): TraceEvent[] {
    return appendAll(this.attributor.flush(), this.diagnostics.finish(totals, now));
  }
}
