import type { TraceEvent } from "../../protocol/trace.js";

interface Change {
  t: number;
  prefixes: Buffer[][];
  on: boolean;
}

/**
 * What each subscriber was subscribed to, and when: SUB sockets report subscribe()/unsubscribe() as options, an
 * XSUB sends its subscriptions as messages (first byte 1 to subscribe, 0 to unsubscribe, then the prefix).
 */
export class Subscriptions {
  private readonly changes = new Map<string, Change[]>();

  observe(event: TraceEvent): void {
    if (event.type === "socket/option" && (event.name === "subscribe" || event.name === "unsubscribe")) {
      const values = Array.isArray(event.value) ? event.value : [event.value];
      this.add(event.socket, { t: event.t, prefixes: values.map(readings), on: event.name === "subscribe" });
    }
    if (event.type === "message/send" && event.kind === "XSUB" && event.frames.length === 1 && event.frames[0].head !== undefined) {
      const bytes = Buffer.from(event.frames[0].head, "base64");
      if (bytes.length > 0 && bytes[0] <= 1) this.add(event.socket, { t: event.t, prefixes: [[bytes.subarray(1)]], on: bytes[0] === 1 });
    }
  }

  /** Whether the socket's subscriptions at time t let a message whose first frame starts with `head` through. */
  matchesAt(socket: string, head: Buffer, t: number): boolean {
    let count = 0;
    for (const change of this.changes.get(socket) ?? []) {
      if (change.t > t) break;
      if (change.prefixes.some((p) => p.some((r) => startsWith(head, r)))) count += change.on ? 1 : -1;
    }
    return count > 0;
  }

  /** Whether any subscription the socket ever made matches: it wanted the message, just not then. */
  matchesEver(socket: string, head: Buffer): boolean {
    return (this.changes.get(socket) ?? []).some((c) => c.on && c.prefixes.some((p) => p.some((r) => startsWith(head, r))));
  }

  private add(socket: string, change: Change): void {
    const list = this.changes.get(socket) ?? [];
    let at = list.length;
    while (at > 0 && list[at - 1].t > change.t) at--;
    list.splice(at, 0, change);
    this.changes.set(socket, list);
  }
}

/** A prefix as the trace shows it: text, or a Buffer's bytes in hex; both readings are tried. */
function readings(value: unknown): Buffer[] {
  const text = String(value ?? "");
  const out = [Buffer.from(text, "utf8")];
  if (text.length > 0 && text.length % 2 === 0 && /^[0-9a-f]+$/.test(text)) out.push(Buffer.from(text, "hex"));
  return out;
}

function startsWith(head: Buffer, prefix: Buffer): boolean {
  return prefix.length <= head.length && head.subarray(0, prefix.length).equals(prefix);
}
