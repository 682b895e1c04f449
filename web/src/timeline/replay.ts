import type { TraceEvent } from "../../../protocol/trace.js";
import { initialRunState, reduceRun, type RunState } from "../run-client/runState.js";
import type { TraceRecording } from "./recording.js";

/** Run state is kept every this many events, so showing any moment reduces at most this many. */
export const CHECKPOINT_EVERY = 1000;

/** Where events sit in time, for the slider and for seeking by ms. */
export interface TraceIndex {
  readonly total: number;
  /** Trace time (ms) once `count` events have happened; 0 before any. */
  timeOf(count: number): number;
  /** How many events have happened by `ms`. */
  countAt(ms: number): number;
}

/**
 * Replays one recording: the run state after any number of its events. The run reducer is pure, so a moment is
 * the nearest checkpoint plus the events since; the recording only grows, so earlier work stays valid.
 */
export class ReplayCache implements TraceIndex {
  private readonly events: TraceEvent[] = [];
  /** Latest `t` among the first i+1 events: events from different sources may arrive slightly out of order. */
  private readonly maxT: number[] = [];
  private readonly checkpoints: RunState[];
  private chunksSeen = 0;

  constructor(readonly runId: string) {
    this.checkpoints = [reduceRun(initialRunState, { type: "start", runId })];
  }

  /** Takes in chunks appended since the last call; false when `recording` is not a continuation of this one. */
  sync(recording: TraceRecording): boolean {
    if (recording.chunks.length < this.chunksSeen) return false;
    for (const chunk of recording.chunks.slice(this.chunksSeen)) {
      for (const e of chunk) {
        this.events.push(e);
        this.maxT.push(Math.max(e.t, this.maxT.at(-1) ?? 0));
      }
    }
    this.chunksSeen = recording.chunks.length;
    return true;
  }

  get total(): number {
    return this.events.length;
  }

  eventAt(index: number): TraceEvent | undefined {
    return this.events[index];
  }

  timeOf(count: number): number {
    return count <= 0 ? 0 : this.maxT[Math.min(count, this.maxT.length) - 1];
  }

  countAt(ms: number): number {
    let lo = 0,
      hi = this.maxT.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxT[mid] <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  stateAt(count: number): RunState {
    const n = Math.max(0, Math.min(count, this.events.length));
    const k = Math.floor(n / CHECKPOINT_EVERY);
    while (this.checkpoints.length <= k) {
      const i = this.checkpoints.length;
      this.checkpoints.push(this.apply(this.checkpoints[i - 1], (i - 1) * CHECKPOINT_EVERY, i * CHECKPOINT_EVERY));
    }
    return this.apply(this.checkpoints[k], k * CHECKPOINT_EVERY, n);
  }

  private apply(state: RunState, from: number, to: number): RunState {
    if (from >= to) return state;
    const events = this.events.slice(from, to);
    return reduceRun(state, { type: "server", message: { type: "trace", payload: { events }, meta: { runId: this.runId } } });
  }
}
