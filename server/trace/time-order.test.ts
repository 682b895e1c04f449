import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { SamplingNote } from "./sampling-note.js";
import { DEFAULT_LIMITS } from "../sandbox/limits.js";
import { TimeOrder } from "./time-order.js";

const { ORDER_WINDOW_MS } = DEFAULT_LIMITS;

const line = (t: number, text: string): TraceEvent => ({ type: "console", t, stream: "stdout", text });
const recv = (t: number, seq: number, socket = "s1"): TraceEvent => ({ type: "message/recv", t, socket, kind: "REQ", frames: [], seq });

describe("the trace in time order", () => {
  it("puts a console line after the socket events that happened before it, though it arrived first", () => {
    const order = new TimeOrder();
    order.push([line(30, "got World")]);
    expect(order.release(30)).toEqual([]);
    order.push([recv(20, 1), recv(40, 2)]);
    expect(order.release(30 + ORDER_WINDOW_MS).map((e) => e.t)).toEqual([20, 30]);
    expect(order.flush().map((e) => e.t)).toEqual([40]);
  });

  it("keeps arrival order among events of the same time", () => {
    const order = new TimeOrder();
    order.push([line(5, "a"), recv(5, 1), line(5, "b")]);
    expect(order.flush().map((e) => (e.type === "console" ? e.text : e.type))).toEqual(["a", "message/recv", "b"]);
  });
});

describe("the trace in time order under a flood", () => {
  it("holds at most its cap of events in the window, letting the earliest go on at once, in time order", () => {
    const cap = 1_000;
    const order = new TimeOrder(ORDER_WINDOW_MS, cap);
    const groups: TraceEvent[][] = [];
    // A hostile burst: 200 batches of 500 events inside one window, times running backwards within each batch.
    for (let batch = 0; batch < 200; batch++) {
      order.push(Array.from({ length: 500 }, (_, i) => line(100 + (499 - i) / 1_000, `${batch}-${i}`)));
      expect(order.waitingCount).toBeLessThanOrEqual(cap);
      groups.push(order.release(100));
    }
    groups.push(order.flush());
    const out = groups.flat();
    expect(out).toHaveLength(200 * 500);
    expect(new Set(out.map((e) => (e.type === "console" ? e.text : ""))).size).toBe(200 * 500);
    // Nothing goes early until the cap is passed (the third batch); each release is in time order.
    expect(groups.slice(0, 2).flat()).toEqual([]);
    expect(groups[2]).toHaveLength(500);
    for (const group of groups) expect(group.every((e, i) => i === 0 || group[i - 1].t <= e.t)).toBe(true);
  });

  it("releases nothing early while under its cap", () => {
    const order = new TimeOrder(ORDER_WINDOW_MS, 10);
    order.push(Array.from({ length: 10 }, (_, i) => line(50 + i, `l${i}`)));
    expect(order.release(50)).toEqual([]);
    order.push([line(70, "one more")]);
    expect(order.release(50).map((e) => e.t)).toEqual([50]);
    expect(order.waitingCount).toBe(10);
  });
});

describe("the note where message sampling starts", () => {
  it("is said once, at the first message whose seq skips messages, with what the trace keeps", () => {
    const note = new SamplingNote({ messageEvents: 5_000, eventsPerSecond: 4_000 }, (s) => (s === "s1" ? "client" : s));
    expect([recv(1, 1), recv(2, 2), recv(3, 3)].map((e) => note.check(e))).toEqual([undefined, undefined, undefined]);
    const said = note.check(recv(9, 1_003));
    expect(said).toMatchObject({ type: "trace/note", code: "sampling-started", t: 9 });
    expect(said?.message).toContain("999 of client's messages");
    expect(said?.message).toContain("first 5,000 message events");
    expect(said?.message).toContain("one message in 1,000");
    expect(note.check(recv(10, 3_003))).toBeUndefined();
  });

  it("is said right after the last message event the budget allows", () => {
    const note = new SamplingNote({ messageEvents: 2, eventsPerSecond: 5_000 });
    const events = [recv(1, 1), recv(2, 2)];
    expect(events.map((e) => note.check(e) ?? note.noteAfter(e)?.message.slice(0, 50))).toEqual([
      undefined,
      "Message sampling starts here: This was message eve",
    ]);
    expect(note.check(recv(3, 1_000))).toBeUndefined();
  });

  it("is not said while every message has its event, sends and receives counted apart", () => {
    const note = new SamplingNote({ messageEvents: 5_000, eventsPerSecond: 5_000 });
    const send = (seq: number): TraceEvent => ({ type: "message/send", t: seq, socket: "s1", kind: "REQ", frames: [], seq });
    expect([send(1), recv(2, 1), send(2), recv(3, 2)].map((e) => note.check(e))).toEqual([undefined, undefined, undefined, undefined]);
  });
});
