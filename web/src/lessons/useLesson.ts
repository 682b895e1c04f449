import { useEffect, useState } from "react";
import type { CheckResult, Lesson } from "../../../protocol/lessons.js";
import { isActive, type RunState } from "../run-client/runState.js";
import type { LessonCheckState } from "./lessonCheckState.js";
import { fetchLesson } from "./lessonApi.js";
import { markSolved, useProgress } from "./progress.js";

export type CheckStatus = "pending" | "pass" | "fail";

export interface LessonState {
  lesson: Lesson | null;
  error: string | null;
  /** The check of the run on screen; null until that run has been judged. */
  check: CheckResult | null;
  status: CheckStatus;
  /** A run of this lesson is under way, so a result is coming. */
  checking: boolean;
  solved: boolean;
  hintsShown: number;
  showHint(): void;
}

/**
 * The open lesson: its content, the check of the latest run, hints taken, and whether it is solved. Only a
 * passing check marks it solved; filling in the solution does not.
 */
export function useLesson(lessonId: string | null, run: RunState, lessonCheck: LessonCheckState | null): LessonState {
  const [loaded, setLoaded] = useState<{ id: string; lesson: Lesson | null; error: string | null } | null>(null);
  const [hints, setHints] = useState({ id: lessonId, shown: 0 });
  const progress = useProgress();

  useEffect(() => {
    if (!lessonId) return;
    let cancelled = false;
    fetchLesson(lessonId).then(
      (lesson) => {
        if (!cancelled) setLoaded({ id: lessonId, lesson, error: null });
      },
      (err: unknown) => {
        if (!cancelled) setLoaded({ id: lessonId, lesson: null, error: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [lessonId]);

  const check = lessonCheck && lessonCheck.runId === run.runId && lessonCheck.check.lessonId === lessonId ? lessonCheck.check : null;
  useEffect(() => {
    if (check?.status === "pass") markSolved(check.lessonId);
  }, [check]);

  const current = loaded?.id === lessonId ? loaded : null;
  const shown = hints.id === lessonId ? hints.shown : 0;
  const total = current?.lesson?.hints.length ?? 0;
  return {
    lesson: current?.lesson ?? null,
    error: current?.error ?? null,
    check,
    status: check?.status ?? "pending",
    checking: !check && isActive(run.status),
    solved: lessonId !== null && lessonId in progress.solved,
    hintsShown: shown,
    showHint: () => setHints({ id: lessonId, shown: Math.min(total, shown + 1) }),
  };
}
