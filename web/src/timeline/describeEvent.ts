import type { TraceEvent } from "../../../protocol/trace.js";

const PREVIEW_CHARS = 40;

/** One short line about an event, for the timeline's "now showing" text while stepping. */
export function describeEvent(event: TraceEvent): string {
  switch (event.type) {
    case "run/start":
      return `run started (${event.entry})`;
    case "socket/open":
      return `${event.socket} opened: ${event.label}`;
    case "socket/bind":
      return `${event.socket} ${event.kind} bound to ${event.resolved ?? event.endpoint}`;
    case "socket/connect":
      return `${event.socket} ${event.kind} connected to ${event.endpoint}`;
    case "socket/unbind":
      return `${event.socket} ${event.kind} unbound from ${event.endpoint}`;
    case "socket/disconnect":
      return `${event.socket} ${event.kind} disconnected from ${event.endpoint}`;
    case "socket/close":
      return `${event.socket} ${event.kind} closed`;
    case "socket/option":
      return `${event.socket} ${event.kind} set ${event.name}`;
    case "socket/error":
      return `${event.socket} ${event.kind} ${event.op} failed: ${event.message}`;
    case "socket/event":
      return `${event.socket} ${event.kind} observed ${event.event}${event.endpoint ? ` on ${event.endpoint}` : ""}`;
    case "message/send":
    case "message/recv": {
      const preview = event.frames.map((f) => f.preview).join(" | ");
      const short = preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS)}…` : preview;
      return `${event.socket} ${event.kind} ${event.type === "message/send" ? "sent" : "received"} ${short}`;
    }
    case "rates":
      return "message rates sampled";
    case "device/open":
      return `${event.label ?? `${event.kind} device`} started`;
    case "console":
      return `console: ${event.text.trim().slice(0, PREVIEW_CHARS)}`;
    case "diagnostic":
      return `${event.severity}: ${event.message}`;
    case "run/exit":
      return `run ended: ${event.message}`;
    case "link/up":
      return `${event.from} linked to ${event.to} over ${event.endpoint}`;
    case "link/down":
      return `link ${event.from} → ${event.to} ${event.reason} by ${event.by}`;
    case "socket/name":
      return `${event.socket} is ${event.name} (${event.detail})`;
    case "message/drop":
      return `${event.socket} lost ${event.count} message${event.count === 1 ? "" : "s"}: ${event.reason}`;
    case "trace/note":
      return event.message;
  }
}
