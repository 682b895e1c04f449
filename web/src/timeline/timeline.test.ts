import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import { appendEvents, emptyRecording, recordingOf } from "./recording.js";
import { CHECKPOINT_EVERY, ReplayCache } from "./replay.js";
import { absorbLate, liveTimeline, nextSpeed, seekTime, setPaused, setSpeed, step, tick } from "./timelineState.js";

const open: TraceEvent = { type: "socket/open", t: 1, socket: "s1", kind: "PUSH", label: "PUSH main.ts:1", thread: 0 };
const sends = (n: number, from = 0): TraceEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    type: "message/send",
    t: 10 + from + i,
    socket: "s1",
    kind: "PUSH",
    seq: from + i,
    frames: [{ size: 1, preview: "x" }],
  }));
const start: TraceEvent = { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: ["main.ts"], sandbox: "none" };

function cacheOf(events: TraceEvent[]): ReplayCache {
  const cache = new ReplayCache("r1");
  cache.sync(recordingOf(events));
  return cache;
}

describe("ReplayCache", () => {
  it("shows the run as it was after any number of events, across checkpoints", () => {
    const cache = cacheOf([start, open, ...sends(CHECKPOINT_EVERY * 2 + 5)]);
    expect(cache.stateAt(2).graph.nodes.map((n) => n.sent)).toEqual([0]);
    expect(cache.stateAt(CHECKPOINT_EVERY + 10).graph.nodes[0].sent).toBe(CHECKPOINT_EVERY + 8);
    expect(cache.stateAt(cache.total).graph.messageCount).toBe(CHECKPOINT_EVERY * 2 + 5);
    expect(cache.stateAt(0).graph.nodes).toEqual([]);
  });

  it("finds events by time and follows a growing recording", () => {
    let rec = appendEvents(emptyRecording, [start, open]);
    const cache = new ReplayCache("r1");
    cache.sync(rec);
    rec = appendEvents(rec, sends(3));
    expect(cache.sync(rec)).toBe(true);
    expect([cache.total, cache.countAt(10.5), cache.timeOf(3)]).toEqual([5, 3, 10]);
    expect(cache.sync(recordingOf([start]))).toBe(false);
  });
});

describe("timeline state", () => {
  const trace = cacheOf([start, open, ...sends(10)]);

  it("pauses where the live view was and steps event by event", () => {
    const paused = setPaused(liveTimeline, true, trace);
    expect([paused.paused, paused.at]).toEqual([true, 12]);
    expect(step(paused, -3, trace).at).toBe(9);
    expect(step(paused, 5, trace).at).toBe(12);
    expect(step(liveTimeline, -1, trace)).toMatchObject({ paused: true, at: 11 });
  });

  it("plays from a moment at the chosen speed and goes live at the end", () => {
    const from = { ...seekTime(liveTimeline, 10, trace), speed: 0.5 };
    expect(from.at).toBe(3);
    const later = tick(from, 4, trace, false);
    expect([later.at, later.playTime]).toEqual([5, 12]);
    expect(tick(later, 1000, trace, false).at).toBeNull();
    expect(tick(later, 1000, trace, true).at).toBe(12);
  });

  it("slows a live view down by running behind the live end", () => {
    expect(setSpeed(liveTimeline, 0.25, trace)).toMatchObject({ speed: 0.25, at: 12 });
    expect(setSpeed(liveTimeline, 9, trace)).toMatchObject({ speed: 4, at: null });
    expect([nextSpeed(1, 1), nextSpeed(1, -1), nextSpeed(4, 1), nextSpeed(0.3, -1)]).toEqual([2, 0.5, 4, 0.1]);
  });
});

describe("a paused view and events that arrive late", () => {
  const printed: TraceEvent = { type: "console", t: 50, stream: "stdout", text: "connected\n" };
  const late: TraceEvent = { ...open, t: 45 };
  const after: TraceEvent = { type: "console", t: 80, stream: "stdout", text: "later\n" };

  it("takes in what belongs before the pause when it was paused at the end", () => {
    let rec = recordingOf([start, printed]);
    const cache = new ReplayCache("r1");
    cache.sync(rec);
    const paused = setPaused(liveTimeline, true, cache);
    rec = appendEvents(rec, [late, after]);
    cache.sync(rec);
    const absorbed = absorbLate(paused, cache, 2);
    expect(absorbed.at).toBe(3);
    expect(cache.stateAt(absorbed.at!).graph.nodes.map((n) => n.id)).toEqual(["s1"]);
  });

  it("leaves a view paused back in the trace where it is", () => {
    const cache = cacheOf([start, printed, late, after]);
    const back = { ...liveTimeline, paused: true, at: 1, playTime: 0 };
    expect(absorbLate(back, cache, 2)).toBe(back);
  });
});
