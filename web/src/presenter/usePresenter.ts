import { type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { nextSpeed } from "../timeline/timelineState.js";
import type { Timeline } from "../timeline/useTimeline.js";

export interface Presenter {
  presenting: boolean;
  showCode: boolean;
  setPresenting(on: boolean): void;
  setShowCode(on: boolean): void;
  /** Bumped whenever the graph should fit itself to the screen (F, or entering and leaving the mode). */
  fitSignal: number;
}

/** Keys typed into the editor, a text field or a list box are theirs, never shortcuts. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest("textarea, select, .monaco-editor, input:not([type=range]):not([type=checkbox]):not([type=file])");
}

/** Escape in a dialog, the "More" menu or the session panel closes that first, not presenter mode. */
function insidePopup(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest("dialog, .toolbar-overflow[data-open], .session-panel");
}

/**
 * Presenter mode for classrooms: the graph full screen in large type, driven from the keyboard.
 * P toggles it anywhere outside the editor; in the mode, Space pauses, ←/→ step, Home/End jump, +/- change speed,
 * F fits, C shows the code, Esc exits.
 */
export function usePresenter(timeline: Timeline): Presenter {
  const [presenting, setPresentingState] = useState(false);
  const [showCode, setShowCodeState] = useState(false);
  const [fitSignal, setFitSignal] = useState(0);
  const timelineRef = useRef(timeline);
  timelineRef.current = timeline;

  // Either change resizes the graph's room, so the graph fits itself again.
  const setPresenting = useCallback((on: boolean) => {
    setPresentingState(on);
    setFitSignal((n) => n + 1);
  }, []);
  const setShowCode = useCallback((on: SetStateAction<boolean>) => {
    setShowCodeState(on);
    setFitSignal((n) => n + 1);
  }, []);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || typingIn(ev.target)) return;
      const t = timelineRef.current;
      const key = ev.key;
      if (key === "Escape" && insidePopup(ev.target)) return;
      if (key === "p" || key === "P") setPresenting(!presenting);
      else if (!presenting) return;
      else if (key === "Escape") setPresenting(false);
      else if (key === " ") t.togglePlay();
      else if (key === "Home") t.scrub(0);
      else if (key === "End") {
        t.seekEvent(t.total);
        t.setPaused(false);
      } else if (key === "ArrowLeft" || key === "ArrowRight") t.step((key === "ArrowLeft" ? -1 : 1) * (ev.shiftKey ? 10 : 1));
      else if (key === "+" || key === "=") t.setSpeed(nextSpeed(t.speed, 1));
      else if (key === "-" || key === "_") t.setSpeed(nextSpeed(t.speed, -1));
      else if (key === "f" || key === "F") setFitSignal((n) => n + 1);
      else if (key === "c" || key === "C") setShowCode((v) => !v);
      else return;
      ev.preventDefault();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [presenting, setPresenting, setShowCode]);

  return { presenting, showCode, setPresenting, setShowCode, fitSignal };
}
