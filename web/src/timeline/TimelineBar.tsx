import type { KeyboardEvent } from "react";
import { describeEvent } from "./describeEvent.js";
import { TraceFileControls } from "./TraceFileControls.js";
import { SPEEDS } from "./timelineState.js";
import { useTimeline } from "./useTimeline.js";
import "./timeline.css";

const formatMs = (ms: number) => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
export const formatSpeed = (speed: number) => `${speed}×`;

/** Pause, step, scrub and replay the run; the graph, log and inspector show the moment chosen here. */
export function TimelineBar() {
  const timeline = useTimeline();
  const { paused, speed, total, position, live, current, cursor } = timeline;
  const playing = !paused && (!live || timeline.runActive);

  function onSliderKey(ev: KeyboardEvent<HTMLInputElement>) {
    const delta = ev.key === "ArrowLeft" || ev.key === "ArrowDown" ? -1 : ev.key === "ArrowRight" || ev.key === "ArrowUp" ? 1 : 0;
    if (delta === 0 || ev.defaultPrevented) return;
    ev.preventDefault();
    timeline.step(ev.shiftKey ? delta * 10 : delta);
  }

  const where = live ? `Live · ${total} events` : `Event ${position} of ${total} · ${formatMs(cursor ?? 0)}`;
  return (
    <section className="timeline-bar" aria-label="Timeline" data-timeline-paused={String(paused)} data-timeline-live={String(live)}>
      <button
        type="button"
        className="icon-button"
        onClick={timeline.togglePlay}
        disabled={total === 0 && !playing}
        aria-keyshortcuts="Space"
        title={total === 0 ? "Nothing to play yet: run a program first" : playing ? "Pause (Space in presenter mode)" : "Play"}
      >
        {playing ? "Pause" : live && total > 0 ? "Replay" : "Play"}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous event"
        title="Previous event (←)"
        onClick={() => timeline.step(-1)}
        disabled={total === 0 || position === 0}
      >
        <span aria-hidden="true">◀</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next event"
        title="Next event (→)"
        onClick={() => timeline.step(1)}
        disabled={total === 0 || position >= total}
      >
        <span aria-hidden="true">▶</span>
      </button>
      <input
        type="range"
        className="timeline-slider"
        aria-label="Trace position"
        min={0}
        max={Math.max(total, 1)}
        step={1}
        value={position}
        aria-valuetext={where}
        disabled={total === 0}
        onChange={(ev) => timeline.scrub(Number(ev.target.value))}
        onKeyDown={onSliderKey}
      />
      <span className="timeline-where" data-timeline-position={position}>
        {where}
      </span>
      <button
        type="button"
        className="quiet"
        onClick={() => {
          timeline.seekEvent(total);
          timeline.setPaused(false);
        }}
        disabled={live}
        aria-label="Go live"
      >
        Live
      </button>
      <label className="timeline-speed">
        <span>Speed</span>
        <select value={speed} onChange={(ev) => timeline.setSpeed(Number(ev.target.value))} aria-label="Playback speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {formatSpeed(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="timeline-event" aria-live="off" title={current ? describeEvent(current) : undefined}>
        {!live && current ? describeEvent(current) : ""}
      </span>
      <TraceFileControls />
    </section>
  );
}
