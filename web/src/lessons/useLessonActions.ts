import { useCallback } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { Lesson } from "../../../protocol/lessons.js";
import { loadWorkspace } from "../program/fileStore.js";
import type { Workspace } from "../program/useWorkspace.js";
import { navigate } from "../routing/route.js";
import { lessonFilesKey } from "./progress.js";

const sameFiles = (a: ProgramFiles, b: ProgramFiles) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, text]) => b[name] === text);

/** The lesson pane's buttons as plain file swaps on the workspace; none of them touches progress. */
export function useLessonActions(lesson: Lesson | null, workspace: Workspace) {
  const { files, replaceFiles } = workspace;
  const swap = useCallback((to: ProgramFiles, question: string) => {
    if (!lesson || sameFiles(files, to)) return;
    if (!sameFiles(files, lesson.starter) && !sameFiles(files, lesson.solution) && !window.confirm(question)) return;
    replaceFiles(to, lesson.entry);
  }, [lesson, files, replaceFiles]);

  return {
    reset: () => lesson && swap(lesson.starter, "Replace your code with the lesson's starter files? Your changes will be lost."),
    showSolution: () => lesson && swap(lesson.solution,
      "Replace your code with the solution? Your changes will be lost, and the lesson counts as solved only when a run passes the check."),
    next: (id: string) => navigate(`/lessons/${id}`),
    /** Progress imported from a file may carry new code for the lesson on screen. */
    imported: (lessonIds: string[]) => {
      if (!lesson || !lessonIds.includes(lesson.id)) return;
      const saved = loadWorkspace(localStorage, lessonFilesKey(lesson.id));
      if (saved) replaceFiles(saved.files, saved.entry);
    },
  };
}
