import type { SocketTotals, TraceEvent } from "../../protocol/trace.js";
import { MessageAttributor } from "./attribute.js";
import { LinkModel } from "./link-model.js";
import { RunDiagnostics } from "./run-diagnostics.js";
import { SocketNamer } from "./socket-names.js";

/**
 * What the supervisor does with one run's validated telemetry before it reaches the browser: socket names from
 * the program's sources, the run's one link model (link events follow the socket event that made or ended each
 * link), message routing attribution and the diagnostics that need the whole run. One per run; pure apart from
 * its own state.
 */
export class TraceProcessor {
  readonly links = new LinkModel();
  private readonly names: SocketNamer;
  private readonly attributor = new MessageAttributor(this.links);
  private readonly diagnostics: RunDiagnostics;

  /** `sources`: the program's files as the user gave them (not as the run reports them), for socket names. */
  constructor(sources: Readonly<Record<string, string>> = {}) {
    this.names = new SocketNamer(sources);
    this.diagnostics = new RunDiagnostics(this.links, (socket) => this.names.nameOf(socket));
  }

  /** Each validated batch in order (and `[]` now and then, so held events and 1 s checks are not stuck). */
  process(events: readonly TraceEvent[], now: number): TraceEvent[] {
    const named = events.flatMap((e) => [e, ...this.names.apply(e)]);
    const expanded = withLinks(this.links, named);
    const diagnostics = this.diagnostics.push(expanded, now);
    return [...this.attributor.push(expanded, now), ...diagnostics];
  }

  /** Once the runner has exited, before run/exit: held events and end-of-run diagnostics. */
  finish(totals: Record<string, SocketTotals>, now: number): TraceEvent[] {
    return [...this.attributor.flush(), ...this.diagnostics.finish(totals, now)];
  }
}

/**
 * Applies each event to the model and puts the link events it caused right after it. Which socket sent a message
 * is the server's to say: whatever the run wrote in `from` or `peer` is dropped first.
 */
export function withLinks(model: LinkModel, events: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const event of events) {
    if (event.type === "message/recv") delete event.from;
    if (event.type === "message/send") delete event.peer;
    out.push(event, ...model.apply(event));
  }
  return out;
}
