import type { ProgramFiles } from "../../../protocol/files.js";
import type { Lesson } from "../../../protocol/lessons.js";
import { loadWorkspace, saveWorkspace } from "../program/fileStore.js";
import { lessonFilesKey } from "./progress.js";

/** Where the learner's own code waits while the editor shows the solution or the starter. */
export function ownCodeKey(lessonId: string): string {
  return `${lessonFilesKey(lessonId)}.own`;
}

export const sameFiles = (a: ProgramFiles, b: ProgramFiles) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, text]) => b[name] === text);

/** Where a lesson remembers that its "Show solution" button filled the editor (a reload must still know it). */
export function solutionShownKey(lessonId: string): string {
  return `${lessonFilesKey(lessonId)}.solution-shown`;
}

/**
 * The learner's own code is whatever is neither the starter nor the solution that "Show solution" put there: code
 * the learner wrote that happens to match the solution is still theirs.
 */
export function isOwnCode(lesson: Lesson, files: ProgramFiles, solutionShown: boolean): boolean {
  return !sameFiles(files, lesson.starter) && !(solutionShown && sameFiles(files, lesson.solution));
}

export function loadSolutionShown(storage: Pick<Storage, "getItem">, lessonId: string): boolean {
  return storage.getItem(solutionShownKey(lessonId)) === "true";
}

export function keepSolutionShown(storage: Pick<Storage, "setItem" | "removeItem">, lessonId: string, shown: boolean): void {
  if (shown) storage.setItem(solutionShownKey(lessonId), "true");
  else storage.removeItem(solutionShownKey(lessonId));
}

export function loadOwnCode(storage: Pick<Storage, "getItem">, lessonId: string): ProgramFiles | null {
  return loadWorkspace(storage, ownCodeKey(lessonId))?.files ?? null;
}

export function keepOwnCode(storage: Pick<Storage, "setItem">, lesson: Lesson, files: ProgramFiles): void {
  saveWorkspace(storage, ownCodeKey(lesson.id), { files, active: lesson.entry, entry: lesson.entry });
}
