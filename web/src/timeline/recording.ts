import type { TraceEvent } from "../../../protocol/trace.js";

/**
 * A run's whole trace as the batches arrived: appending shares the earlier batches instead of copying them, so
 * keeping it in immutable run state stays cheap for busy runs.
 */
export interface TraceRecording {
  readonly chunks: readonly (readonly TraceEvent[])[];
  readonly count: number;
  /** A trace longer than this keeps its start and its run/exit; the rest is noted as dropped. */
  readonly dropped: number;
}

/** About 100 MB of JSON at most; the server samples message events under load, so real runs stay well below. */
export const RECORDING_EVENT_LIMIT = 500_000;

export const emptyRecording: TraceRecording = { chunks: [], count: 0, dropped: 0 };

export function appendEvents(recording: TraceRecording, events: readonly TraceEvent[]): TraceRecording {
  if (events.length === 0) return recording;
  const room = RECORDING_EVENT_LIMIT - recording.count;
  const kept = events.length <= room ? events : [...events.slice(0, Math.max(room, 0)), ...events.filter((e) => e.type === "run/exit")];
  if (kept.length === 0) return { ...recording, dropped: recording.dropped + events.length };
  return { chunks: [...recording.chunks, kept], count: recording.count + kept.length, dropped: recording.dropped + events.length - kept.length };
}

export function recordingOf(events: readonly TraceEvent[]): TraceRecording {
  return appendEvents(emptyRecording, events);
}

export function flatEvents(recording: TraceRecording): TraceEvent[] {
  return recording.chunks.flat();
}
