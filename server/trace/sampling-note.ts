import type { TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { MESSAGE_SAMPLE_EVERY } from "../../sandboxed/runner/channel.js";

export interface SamplingLimits {
  /** Full message events per run before sampling (limits MESSAGE_EVENTS). */
  messageEvents: number;
  /** Telemetry events per second before sampling (limits EVENTS_PER_SECOND). */
  eventsPerSecond: number;
}

/**
 * Notices where message sampling starts: right after the last message event the budget allows, or earlier at the
 * first message event whose seq skips some of its socket's messages (the per-second cap). Says so once, in the
 * trace, at that point, with what the trace keeps from there on, so a message log that thins out does not look
 * like a program that went quiet or went back in time. `check` returns the note to put before the event, or
 * `noteAfter` the one to put after it.
 */
export class SamplingNote {
  private readonly lastSeq = new Map<string, number>();
  private messages = 0;
  private said = false;

  /** Whether sampling has started: from then on the trace lacks some message events. */
  get started(): boolean {
    return this.said;
  }

  constructor(
    private readonly limits: SamplingLimits,
    private readonly nameOf: (socket: string) => string = (socket) => socket,
  ) {}

  check(event: TraceEvent): TraceEventOf<"trace/note"> | undefined {
    if (this.said || (event.type !== "message/send" && event.type !== "message/recv")) return undefined;
    const key = `${event.socket} ${event.type}`;
    const last = this.lastSeq.get(key) ?? 0;
    this.lastSeq.set(key, event.seq);
    this.messages++;
    if (event.seq <= last + 1) return undefined;
    return this.say(event.t, `${event.seq - last - 1} of ${this.nameOf(event.socket)}'s messages just before this one have no event.`);
  }

  /** After `check` of the same event: the note when this was the last message event of the budget. */
  noteAfter(event: TraceEvent): TraceEventOf<"trace/note"> | undefined {
    if (this.said || this.messages !== this.limits.messageEvents || (event.type !== "message/send" && event.type !== "message/recv")) return undefined;
    return this.say(event.t, `This was message event ${fmt(this.messages)}.`);
  }

  private say(t: number, where: string): TraceEventOf<"trace/note"> {
    this.said = true;
    return {
      type: "trace/note",
      t,
      code: "sampling-started",
      message: `Message sampling starts here: ${where} After the first ${fmt(this.limits.messageEvents)} message events the trace keeps one message in ${fmt(MESSAGE_SAMPLE_EVERY)}, and in any second at most ${fmt(this.limits.eventsPerSecond)} events; socket, link and error events are all kept, and the sent/received counters count every message.`,
    };
  }
}

const fmt = (n: number) => n.toLocaleString("en");
