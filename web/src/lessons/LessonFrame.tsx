import type { ReactNode } from "react";
import "./lessons.css";
import { Splitter } from "../ui/Splitter.js";
import { isFraction, usePersistentState } from "../ui/usePersistentState.js";

/**
 * Puts the lesson pane beside the workbench when a lesson is open. The workbench stays at the same place in the
 * tree either way, so opening or leaving a lesson keeps the editor and graph alive.
 */
export function LessonFrame({ lesson, children }: { lesson: ReactNode | null; children: ReactNode }) {
  const [share, setShare] = usePersistentState("zmq-workbench.split.lesson", 0.28, isFraction);
  return (
    <div
      className={lesson ? "lesson-frame with-lesson" : "lesson-frame"}
      style={lesson ? { gridTemplateColumns: `${share * 100}% 6px minmax(0, 1fr)` } : undefined}
    >
      {lesson}
      {lesson ? <Splitter orientation="vertical" value={share} onChange={setShare} label="Resize lesson and workbench" min={0.2} max={0.5} /> : null}
      {children}
    </div>
  );
}
