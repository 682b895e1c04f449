import type { TraceEvent } from "../../protocol/trace.js";

/** Events a late joiner cannot do without: they build the graph (sockets, their endpoints, devices) and frame the run. */
const STRUCTURAL = new Set<TraceEvent["type"]>([
  "run/start",
  "socket/open",
  "socket/name",
  "socket/bind",
  "socket/connect",
  "socket/unbind",
  "socket/disconnect",
  "socket/option",
  "link/up",
  "device/open",
  "trace/note",
  "run/exit",
]);
/** Structural events carried forward from the trimmed part, at most; past it the oldest go too (and are counted). */
const HEAD_EVENTS = 2_000;

/** One batch as broadcast: its events' JSON (the array's inside, no brackets), kept as text so memory ≈ bytes. */
interface Part {
  json: string;
}

/**
 * A session's trace for late joiners, bounded in bytes: the newest batches as the JSON text already made for the
 * broadcast, plus, from the part trimmed away, the structural events of sockets still open and a count of what
 * was summarised. Memory is about `maxBytes` plus at most HEAD_EVENTS small events.
 */
export class SessionTrace {
  private parts: Part[] = [];
  private bytes = 0;
  private head: TraceEvent[] = [];
  private summarised = { messages: 0, console: 0, other: 0 };

  constructor(private readonly maxBytes: number) {}

  get storedBytes(): number {
    return this.bytes;
  }

  clear(): void {
    this.parts = [];
    this.bytes = 0;
    this.head = [];
    this.summarised = { messages: 0, console: 0, other: 0 };
  }

  /** Adds one batch, given as the JSON text of its events array. */
  add(eventsJson: string): void {
    const inner = eventsJson.slice(1, -1);
    if (inner.length === 0) return;
    this.parts.push({ json: inner });
    this.bytes += inner.length;
    while (this.bytes > this.maxBytes && this.parts.length > 1) this.trimOldest();
  }

  /** The JSON text of the whole stored trace as one events array: summary, carried structure, then the window. */
  eventsJson(): string {
    const lead = [...this.summary(), ...this.head].map((e) => JSON.stringify(e));
    return `[${[...lead, ...this.parts.map((p) => p.json)].join(",")}]`;
  }

  private trimOldest(): void {
    const part = this.parts.shift()!;
    this.bytes -= part.json.length;
    for (const e of JSON.parse(`[${part.json}]`) as TraceEvent[]) {
      // A closed socket and an ended link need nothing carried forward: drop what was kept for them.
      if (e.type === "socket/close") this.head = this.head.filter((h) => !("socket" in h) || h.socket !== e.socket);
      else if (e.type === "link/down") this.head = this.head.filter((h) => h.type !== "link/up" || h.link !== e.link);
      else if (STRUCTURAL.has(e.type)) this.head.push(e);
      else if (e.type === "message/send" || e.type === "message/recv" || e.type === "message/drop" || e.type === "rates") this.summarised.messages++;
      else if (e.type === "console") this.summarised.console++;
      else this.summarised.other++;
    }
    if (this.head.length > HEAD_EVENTS) this.summarised.other += this.head.splice(0, this.head.length - HEAD_EVENTS).length;
  }

  private summary(): TraceEvent[] {
    const { messages, console, other } = this.summarised;
    if (messages + console + other === 0) return [];
    return [
      {
        type: "diagnostic",
        t: 0,
        code: "session-trace-trimmed",
        severity: "info",
        message: `You joined a long run: its earliest events are summarised (${messages} message events, ${console} console lines and ${other} other events not shown); the sockets still open are.`,
      },
    ];
  }
}
