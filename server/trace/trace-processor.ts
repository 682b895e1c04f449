import type { SocketTotals, TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { MessageAttributor } from "./attribute.js";
import { MessageDrops } from "./drops.js";
import { LinkModel } from "./link-model.js";
import { RunDiagnostics } from "./run-diagnostics.js";
import { SamplingNote, type SamplingLimits } from "./sampling-note.js";
import { SocketNamer } from "./socket-names.js";
import { TimeOrder } from "./time-order.js";
import { appendAll } from "../util/append-all.js";
import { DEFAULT_LIMITS, type Limits } from "../sandbox/limits.js";

/** The run limits the trace processing is held to (see sandbox/limits.ts). */
export type TraceLimits = Pick<
  Limits,
  "TRACE_HELD_EVENTS" | "TRACE_HOLD_MS" | "TRACE_SENDS_KEPT" | "ORDER_WINDOW_MS" | "ORDER_HELD_EVENTS" | "DROP_SENDS_KEPT" | "ENDED_KEPT_PER_ADDRESS"
>;

/**
 * What the supervisor does with one run's validated telemetry before it reaches the browser: socket names from
 * the program's sources, the run's one link model (link events follow the socket event that made or ended each
 * link), message routing attribution and the diagnostics that need the whole run. One per run; pure apart from
 * its own state.
 */
export class TraceProcessor {
  readonly links: LinkModel;
  private readonly names: SocketNamer;
  private readonly attributor: MessageAttributor;
  private readonly diagnostics: RunDiagnostics;
  private readonly sampling: SamplingNote;
  private readonly drops: MessageDrops;
  private readonly order: TimeOrder;

  /**
   * `sources`: the program's files as the user gave them (not as the run reports them), for socket names;
   * `sampling`: the run's limits, to say what the trace keeps once message sampling starts; `limits`: the caps on
   * what the processing holds (events waiting behind a receive or for time order, sends remembered).
   */
  constructor(
    sources: Readonly<Record<string, string>> = {},
    sampling: SamplingLimits = { messageEvents: 5_000, eventsPerSecond: 5_000 },
    limits: TraceLimits = DEFAULT_LIMITS,
  ) {
    this.links = new LinkModel(limits.ENDED_KEPT_PER_ADDRESS);
    this.order = new TimeOrder(limits.ORDER_WINDOW_MS, limits.ORDER_HELD_EVENTS);
    this.attributor = new MessageAttributor(this.links, limits.TRACE_HELD_EVENTS, limits.TRACE_HOLD_MS, limits.TRACE_SENDS_KEPT);
    this.names = new SocketNamer(sources);
    const nameOf = (socket: string) => this.names.nameOf(socket);
    this.diagnostics = new RunDiagnostics(this.links, nameOf);
    this.sampling = new SamplingNote(sampling, nameOf);
    this.drops = new MessageDrops(this.links, nameOf, limits.DROP_SENDS_KEPT);
  }

  /**
   * Each validated batch, console lines included, with `now` in trace time (ms since the job started); `[]` now
   * and then, so held events and 1 s checks are not stuck. Returns what is ready, in time order.
   */
  /** What people call a socket ("frontend", "worker #2"); its id while it has no name. */
  nameOf(socket: string): string {
    return this.names.nameOf(socket);
  }

  process(events: readonly TraceEvent[], now: number): TraceEvent[] {
    const named = events.flatMap((e) => {
      if (e.type === "diagnostic") this.nameIn(e);
      const before = this.sampling.check(e);
      const after = this.sampling.noteAfter(e);
      return [...(before ? [before] : []), e, ...this.names.apply(e), ...(after ? [after] : [])];
    });
    const expanded = withLinks(this.links, named);
    const diagnostics = this.diagnostics.push(expanded, now);
    const attributed = this.attributor.push(expanded, now);
    // After attribution: a ROUTER's receive then knows its sender, and its send the peer it addressed.
    for (const e of expanded) this.drops.observe(e);
    this.order.push([...attributed, ...diagnostics]);
    return this.order.release(now);
  }

  /** The runner's diagnostics start with the socket's id ("s2 (REQ) sends again…"): they say its name instead. */
  private nameIn(diagnostic: TraceEventOf<"diagnostic">): void {
    const { socket } = diagnostic;
    if (socket !== undefined && diagnostic.message.startsWith(`${socket} (`)) {
      diagnostic.message = this.names.nameOf(socket) + diagnostic.message.slice(socket.length);
    }
  }

  /** Once the runner has exited, before run/exit: everything held and the end-of-run diagnostics, in time order. */
  finish(totals: Record<string, SocketTotals>, now: number): TraceEvent[] {
    const held = this.attributor.flush();
    const end = held.reduce((latest, e) => Math.max(latest, e.t), Math.max(now, this.order.latest));
    this.order.push([...held, ...this.diagnostics.finish(now), ...this.drops.finish(totals, end, this.sampling.started)]);
    return this.order.flush();
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
    out.push(event);
    appendAll(out, model.apply(event));
  }
  return out;
}
