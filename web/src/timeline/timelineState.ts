import type { TraceIndex } from "./replay.js";

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4] as const;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 4;

/**
 * What the view shows. `at` is how many events are applied; null follows the live end of the trace. While
 * playing behind the end (`paused` false, `at` set), `playTime` advances at `speed` times the wall clock.
 */
export interface TimelineState {
  paused: boolean;
  speed: number;
  at: number | null;
  playTime: number;
}

export const liveTimeline: TimelineState = { paused: false, speed: 1, at: null, playTime: 0 };

export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, Number.isFinite(speed) ? speed : 1));
}

/** The next preset speed up (+1) or down (-1) from the nearest preset, for the + and - keys. */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  let nearest = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(s - speed) < Math.abs(SPEEDS[nearest] - speed)) nearest = i;
  });
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, nearest + direction))];
}

const positionOf = (s: TimelineState, trace: TraceIndex) => s.at ?? trace.total;

export function setPaused(s: TimelineState, paused: boolean, trace: TraceIndex): TimelineState {
  const at = positionOf(s, trace);
  if (paused) return { ...s, paused: true, at, playTime: trace.timeOf(at) };
  if (at >= trace.total && s.speed >= 1) return { ...s, paused: false, at: null };
  return { ...s, paused: false, at, playTime: trace.timeOf(at) };
}

/** Slow motion needs the view to run behind the live end; faster than live is only possible in replay. */
export function setSpeed(s: TimelineState, speed: number, trace: TraceIndex): TimelineState {
  const next = { ...s, speed: clampSpeed(speed) };
  if (s.at === null && next.speed < 1 && !s.paused) return { ...next, at: trace.total, playTime: trace.timeOf(trace.total) };
  return next;
}

/**
 * Telemetry comes in batches, so an event can arrive after a later one (a socket opened just before a console
 * line): a view paused at the end of the trace takes in what arrives with a time at or before its own, so a pause
 * right after "connected" is printed still shows the sockets reported a moment later, for presenter and spectators.
 */
export function absorbLate(s: TimelineState, trace: TraceIndex, totalBefore: number): TimelineState {
  if (!s.paused || s.at === null || s.at < totalBefore) return s;
  const at = Math.max(s.at, trace.countAt(s.playTime));
  return at === s.at ? s : { ...s, at };
}

/** Moves to a number of applied events; the view stays paused or playing as it was. */
export function seekCount(s: TimelineState, count: number, trace: TraceIndex): TimelineState {
  const at = Math.max(0, Math.min(trace.total, Math.round(count)));
  if (!s.paused && at >= trace.total && s.speed >= 1) return { ...s, at: null };
  return { ...s, at, playTime: trace.timeOf(at) };
}

export function seekTime(s: TimelineState, ms: number, trace: TraceIndex): TimelineState {
  return { ...seekCount(s, trace.countAt(ms), trace), playTime: Math.max(0, ms) };
}

/** One event back or forward; stepping pauses, as a moving view would overrun the step. */
export function step(s: TimelineState, delta: number, trace: TraceIndex): TimelineState {
  const at = Math.max(0, Math.min(trace.total, positionOf(s, trace) + delta));
  return { ...s, paused: true, at, playTime: trace.timeOf(at) };
}

/** Advances playback by `wallMs`. At the end it follows live, unless slow motion of a live run must wait for more. */
export function tick(s: TimelineState, wallMs: number, trace: TraceIndex, runActive: boolean): TimelineState {
  if (s.paused || s.at === null) return s;
  const end = trace.timeOf(trace.total);
  const playTime = s.playTime + wallMs * s.speed;
  const at = trace.countAt(playTime);
  if (at < trace.total) return at === s.at && playTime === s.playTime ? s : { ...s, at, playTime };
  if (runActive && s.speed < 1) return { ...s, at: trace.total, playTime: end };
  return { ...s, at: null };
}

/** Trace time shown, for spectators and the slider label; undefined while following live. */
export function cursorOf(s: TimelineState, trace: TraceIndex): number | undefined {
  return s.at === null ? undefined : s.paused || s.at >= trace.total ? trace.timeOf(s.at) : s.playTime;
}
