import { useCallback, useEffect, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { Lesson } from "../../../protocol/lessons.js";
import { loadWorkspace } from "../program/fileStore.js";
import type { Workspace } from "../program/useWorkspace.js";
import { navigate } from "../routing/route.js";
import { isOwnCode, keepOwnCode, loadOwnCode, sameFiles } from "./ownCode.js";
import { lessonFilesKey } from "./progress.js";

/**
 * The lesson pane's buttons as plain file swaps on the workspace; none of them touches progress, and none loses the
 * learner's code: before the starter or the solution replaces it, it is kept, and "Back to my code" returns it.
 */
export function useLessonActions(lesson: Lesson | null, workspace: Workspace) {
  const { files, replaceFiles } = workspace;
  const [own, setOwn] = useState<ProgramFiles | null>(null);
  useEffect(() => setOwn(lesson ? loadOwnCode(localStorage, lesson.id) : null), [lesson]);

  const swap = useCallback(
    (to: ProgramFiles) => {
      if (!lesson || sameFiles(files, to)) return;
      if (isOwnCode(lesson, files)) {
        keepOwnCode(localStorage, lesson, files);
        setOwn(files);
      }
      replaceFiles(to, lesson.entry);
    },
    [lesson, files, replaceFiles],
  );

  const showingSolution = lesson !== null && sameFiles(files, lesson.solution);
  const canGoBack = lesson !== null && own !== null && !sameFiles(files, own) && !isOwnCode(lesson, files);

  return {
    reset: () => lesson && swap(lesson.starter),
    /** Shows the solution, or, while it is shown, puts the learner's own code (else the starter) back. */
    toggleSolution: () => {
      if (!lesson) return;
      if (showingSolution) replaceFiles(own ?? lesson.starter, lesson.entry);
      else swap(lesson.solution);
    },
    showingSolution,
    /** The learner's code is kept aside and the editor holds the starter or the solution. */
    backToOwnCode: canGoBack ? () => own && lesson && replaceFiles(own, lesson.entry) : undefined,
    next: (id: string) => navigate(`/lessons/${id}`),
    /** Progress imported from a file may carry new code for the lesson on screen. */
    imported: (lessonIds: string[]) => {
      if (!lesson || !lessonIds.includes(lesson.id)) return;
      const saved = loadWorkspace(localStorage, lessonFilesKey(lesson.id));
      if (saved) replaceFiles(saved.files, saved.entry);
    },
  };
}
