import { useCallback, useEffect, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { Lesson } from "../../../protocol/lessons.js";
import { loadWorkspace } from "../program/fileStore.js";
import type { Workspace } from "../program/useWorkspace.js";
import { navigate } from "../routing/route.js";
import { isOwnCode, keepOwnCode, keepSolutionShown, loadOwnCode, loadSolutionShown, sameFiles } from "./ownCode.js";
import { lessonFilesKey } from "./progress.js";

/**
 * The lesson pane's buttons as plain file swaps on the workspace; none of them touches progress, and none loses the
 * learner's code: before the starter or the solution replaces it, it is kept, and "Back to my code" returns it.
 */
export function useLessonActions(lesson: Lesson | null, workspace: Workspace) {
  const { files, replaceFiles } = workspace;
  const [own, setOwn] = useState<ProgramFiles | null>(null);
  /** "Show solution" filled the editor; code the learner wrote that equals the solution is not "showing" it. */
  const [solutionShown, setSolutionShown] = useState(false);
  useEffect(() => {
    setOwn(lesson ? loadOwnCode(localStorage, lesson.id) : null);
    setSolutionShown(lesson ? loadSolutionShown(localStorage, lesson.id) : false);
  }, [lesson]);

  const markSolutionShown = useCallback(
    (shown: boolean) => {
      if (lesson) keepSolutionShown(localStorage, lesson.id, shown);
      setSolutionShown(shown);
    },
    [lesson],
  );

  const ownInEditor = lesson !== null && isOwnCode(lesson, files, solutionShown);
  const swap = useCallback(
    (to: ProgramFiles) => {
      if (!lesson) return;
      if (ownInEditor) {
        keepOwnCode(localStorage, lesson, files);
        setOwn(files);
      }
      if (!sameFiles(files, to)) replaceFiles(to, lesson.entry);
    },
    [lesson, files, ownInEditor, replaceFiles],
  );
  const putBack = (to: ProgramFiles) => {
    if (!lesson) return;
    markSolutionShown(false);
    replaceFiles(to, lesson.entry);
  };

  const showingSolution = lesson !== null && solutionShown && sameFiles(files, lesson.solution);
  const canGoBack = lesson !== null && own !== null && !sameFiles(files, own) && !ownInEditor;

  return {
    reset: () => {
      if (!lesson) return;
      swap(lesson.starter);
      markSolutionShown(false);
    },
    /** Shows the solution, or, while it is shown, puts the learner's own code (else the starter) back. */
    toggleSolution: () => {
      if (!lesson) return;
      if (showingSolution) return putBack(own ?? lesson.starter);
      swap(lesson.solution);
      markSolutionShown(true);
    },
    showingSolution,
    /** The learner's code is kept aside and the editor holds the starter or the solution. */
    backToOwnCode: canGoBack ? () => own && putBack(own) : undefined,
    next: (id: string) => navigate(`/lessons/${id}`),
    /** Progress imported from a file may carry new code for the lesson on screen. */
    imported: (lessonIds: string[]) => {
      if (!lesson || !lessonIds.includes(lesson.id)) return;
      const saved = loadWorkspace(localStorage, lessonFilesKey(lesson.id));
      if (saved) putBack(saved.files);
    },
  };
}
