import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { SessionTrace } from "./session-trace.js";

const open = (socket: string, t: number): TraceEvent => ({ type: "socket/open", t, socket, kind: "PUSH", label: socket, thread: 0 });
const bind = (socket: string, t: number): TraceEvent => ({ type: "socket/bind", t, socket, kind: "PUSH", endpoint: "tcp://127.0.0.1:5555" });
const close = (socket: string, t: number): TraceEvent => ({ type: "socket/close", t, socket, kind: "PUSH" });
const send = (socket: string, t: number): TraceEvent => ({
  type: "message/send",
  t,
  socket,
  kind: "PUSH",
  seq: t,
  frames: [{ size: 100, preview: "x".repeat(64) }],
});
const line = (t: number): TraceEvent => ({ type: "console", t, stream: "stdout", text: "y".repeat(100) });

describe("SessionTrace", () => {
  it("keeps everything while under its bound, in order", () => {
    const trace = new SessionTrace(1_000_000);
    const events = [open("s1", 1), bind("s1", 2), send("s1", 3), line(4)];
    trace.add(JSON.stringify(events.slice(0, 2)));
    trace.add(JSON.stringify(events.slice(2)));
    expect(JSON.parse(trace.eventsJson())).toEqual(events);
  });

  it("stays within its byte bound, keeps the sockets still open, drops closed ones and says what it summarised", () => {
    const trace = new SessionTrace(20_000);
    trace.add(JSON.stringify([open("live", 1), bind("live", 2), open("gone", 3)]));
    trace.add(JSON.stringify([close("gone", 4)]));
    for (let b = 0; b < 200; b++)
      trace.add(JSON.stringify(Array.from({ length: 10 }, (_, i) => (i % 2 ? send("live", 10 + b * 10 + i) : line(10 + b * 10 + i)))));
    expect(trace.storedBytes).toBeLessThanOrEqual(20_000);
    const kept = JSON.parse(trace.eventsJson()) as TraceEvent[];
    expect(kept[0]).toMatchObject({ type: "diagnostic", code: "session-trace-trimmed" });
    expect(kept[0].type === "diagnostic" && kept[0].message).toMatch(/\d+ message events, \d+ console lines/);
    expect(kept.slice(1, 3)).toEqual([open("live", 1), bind("live", 2)]);
    expect(kept.some((e) => "socket" in e && e.socket === "gone")).toBe(false);
    expect(kept.at(-1)).toEqual(send("live", 10 + 199 * 10 + 9));
  });

  it("carries an open link forward and forgets one that went down", () => {
    const trace = new SessionTrace(2_000);
    const link = (id: string): TraceEvent => ({ type: "link/up", t: 1, link: id, from: "a", to: "b", endpoint: "inproc://x", transport: "inproc" });
    trace.add(JSON.stringify([link("l1"), link("l2")]));
    trace.add(
      JSON.stringify([
        {
          type: "link/down",
          t: 2,
          link: "l2",
          from: "a",
          to: "b",
          endpoint: "inproc://x",
          transport: "inproc",
          reason: "closed",
          by: "a",
        } satisfies TraceEvent,
      ]),
    );
    for (let i = 0; i < 40; i++) trace.add(JSON.stringify([line(10 + i)]));
    const kept = JSON.parse(trace.eventsJson()) as TraceEvent[];
    expect(kept.filter((e) => e.type === "link/up" || e.type === "link/down")).toEqual([link("l1")]);
  });

  it("starts empty again for the next run", () => {
    const trace = new SessionTrace(100);
    for (let i = 0; i < 10; i++) trace.add(JSON.stringify([line(i)]));
    trace.clear();
    expect(trace.eventsJson()).toBe("[]");
    expect(trace.storedBytes).toBe(0);
  });
});
