import { useEffect, useRef } from "react";
import type { ViewState } from "../../../protocol/session.js";
import type { Timeline } from "../timeline/useTimeline.js";

/**
 * Makes a spectator's timeline show what the presenter's shows: paused at the same moment, replaying at the
 * same speed, or following the live end. Applied again for each new run, as a new run resets the timeline.
 */
export function useMirroredView(timeline: Timeline, view: ViewState, runId: string | null): void {
  const ref = useRef(timeline);
  ref.current = timeline;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new run (runId) resets the timeline, so the same view is applied again
  useEffect(() => {
    const t = ref.current;
    t.setSpeed(view.speed);
    t.setPaused(view.paused);
    if (view.cursor !== undefined) t.seek(view.cursor);
    else if (!view.paused) t.seekEvent(Number.MAX_SAFE_INTEGER);
  }, [view, runId]);
}
