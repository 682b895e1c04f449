/*
 * The timeline: what moment of the run the graph, message log, console and inspector show.
 *
 * For classroom sessions (web/src/session/): `useTimeline()` gives the presenter's view state and the way to set
 * it, shaped like protocol/session.ts ViewState:
 *   const { paused, speed, cursor, setPaused, setSpeed, seek } = useTimeline();
 *   - paused: boolean; speed: 0.1..4 (1 is real time);
 *   - cursor: trace time in ms shown, or undefined while the view follows the live end of the run;
 *   - seek(ms) moves the view to that trace time (spectators call setPaused, setSpeed and seek to mirror).
 * `useTimeline()` works anywhere under <TimelineContext.Provider> (App provides it around the whole page).
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { TraceEvent } from "../../../protocol/trace.js";
import { isActive, type RunState } from "../run-client/runState.js";
import { flatEvents, recordingOf, type TraceRecording } from "./recording.js";
import { ReplayCache } from "./replay.js";
import * as tl from "./timelineState.js";
import { makeTraceFile, type TraceFile } from "./traceFile.js";

export interface Timeline {
  paused: boolean;
  speed: number;
  cursor: number | undefined;
  setPaused(paused: boolean): void;
  setSpeed(speed: number): void;
  seek(ms: number): void;
  /** Events applied in the view, and in the whole trace so far. */
  position: number;
  total: number;
  /** True while the view shows everything as it arrives. */
  live: boolean;
  /** A run is in flight (not a finished run, not an opened file). */
  runActive: boolean;
  step(delta: number): void;
  seekEvent(count: number): void;
  /** Moves to a number of events and holds there, as dragging the slider does. */
  scrub(count: number): void;
  /** Plays from the start (a finished run) or resumes. */
  play(): void;
  /** What Space does: pauses a moving view, else plays. */
  togglePlay(): void;
  /** The run as it was at the cursor, and the last event applied. */
  view: RunState;
  current: TraceEvent | undefined;
  /** The trace file being viewed instead of the live run, if one was opened. */
  openedFile: string | null;
  /** The program the opened trace file was recorded from. */
  openedProgram: { files: TraceFile["files"]; entry?: string } | null;
  openTrace(trace: TraceFile, name: string): void;
  closeTrace(): void;
  exportTrace(): TraceFile;
}

export const TimelineContext = createContext<Timeline | null>(null);

export function useTimeline(): Timeline {
  const timeline = useContext(TimelineContext);
  if (!timeline) throw new Error("useTimeline needs TimelineContext.Provider above it (App provides one).");
  return timeline;
}

interface Opened {
  name: string;
  trace: TraceFile;
  recording: TraceRecording;
  runId: string;
}

/** Owns the timeline state for App; `files` and `entry` are what the next run starts with, kept for export. */
export function useTimelineController(run: RunState, files: ProgramFiles, entry: string): Timeline {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [state, setState] = useState<tl.TimelineState>(tl.liveTimeline);
  const ranWith = useRef({ runId: run.runId, files, entry });
  if (ranWith.current.runId !== run.runId) ranWith.current = { runId: run.runId, files, entry };

  const runId = opened?.runId ?? run.runId ?? "none";
  const recording = opened?.recording ?? run.trace;
  const cacheRef = useRef<ReplayCache | null>(null);
  if (!cacheRef.current || cacheRef.current.runId !== runId || !cacheRef.current.sync(recording)) {
    cacheRef.current = new ReplayCache(runId);
    cacheRef.current.sync(recording);
  }
  const cache = cacheRef.current;
  const runActive = !opened && isActive(run.status);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new run (its id is the trigger) closes an opened trace file
  useEffect(() => setOpened(null), [run.runId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: whatever is shown anew (its id is the trigger) starts live; slowed, from its beginning
  useEffect(() => {
    setState((s) => ({ ...tl.liveTimeline, speed: s.speed, ...(s.speed < 1 ? { at: 0 } : {}) }));
  }, [runId]);

  const totalBefore = useRef(cache.total);
  useEffect(() => {
    const before = totalBefore.current;
    totalBefore.current = cache.total;
    if (cache.total > before) setState((s) => tl.absorbLate(s, cache, before));
  }, [cache, cache.total]);

  const playing = !state.paused && state.at !== null;
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function advance(now) {
      setState((s) => tl.tick(s, now - last, cacheRef.current as ReplayCache, runActive));
      last = now;
      frame = requestAnimationFrame(advance);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, runActive]);

  const total = cache.total;
  const at = state.at;
  const view = useMemo(() => (at === null && !opened ? run : cache.stateAt(at ?? total)), [at, total, opened, run, cache]);

  const moving = !state.paused && (state.at !== null || runActive);
  const change = (f: (s: tl.TimelineState) => tl.TimelineState) => setState((s) => f(s));
  return {
    paused: state.paused,
    speed: state.speed,
    cursor: tl.cursorOf(state, cache),
    setPaused: (p) => change((s) => tl.setPaused(s, p, cache)),
    setSpeed: (v) => change((s) => tl.setSpeed(s, v, cache)),
    seek: (ms) => change((s) => tl.seekTime(s, ms, cache)),
    position: at ?? total,
    total,
    live: at === null,
    runActive,
    step: (d) => change((s) => tl.step(s, d, cache)),
    seekEvent: (n) => change((s) => tl.seekCount(s, n, cache)),
    scrub: (n) => change((s) => tl.seekCount({ ...s, paused: true }, n, cache)),
    play: () => change((s) => (s.at === null && !runActive ? { ...s, paused: false, at: 0, playTime: 0 } : tl.setPaused(s, false, cache))),
    togglePlay: () =>
      moving
        ? change((s) => tl.setPaused(s, true, cache))
        : change((s) => (s.at === null && !runActive ? { ...s, paused: false, at: 0, playTime: 0 } : tl.setPaused(s, false, cache))),
    view,
    current: cache.eventAt((at ?? total) - 1),
    openedFile: opened?.name ?? null,
    openedProgram: opened ? { files: opened.trace.files, ...(opened.trace.entry ? { entry: opened.trace.entry } : {}) } : null,
    openTrace: (trace, name) => {
      setOpened({ name, trace, recording: recordingOf(trace.events), runId: `file-${Date.now().toString(36)}` });
    },
    closeTrace: () => setOpened(null),
    exportTrace: () => (opened ? opened.trace : makeTraceFile(ranWith.current.files, ranWith.current.entry, flatEvents(run.trace), run.trace.dropped)),
  };
}
