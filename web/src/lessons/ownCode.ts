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

/** The learner's own code is whatever is neither the starter nor the solution. */
export function isOwnCode(lesson: Lesson, files: ProgramFiles): boolean {
  return !sameFiles(files, lesson.starter) && !sameFiles(files, lesson.solution);
}

export function loadOwnCode(storage: Pick<Storage, "getItem">, lessonId: string): ProgramFiles | null {
  return loadWorkspace(storage, ownCodeKey(lessonId))?.files ?? null;
}

export function keepOwnCode(storage: Pick<Storage, "setItem">, lesson: Lesson, files: ProgramFiles): void {
  saveWorkspace(storage, ownCodeKey(lesson.id), { files, active: lesson.entry, entry: lesson.entry });
}
