import { FILE_NAME_PATTERN, MAX_FILES } from "../../../protocol/files.js";

const fileNameRe = new RegExp(FILE_NAME_PATTERN);

/** Why a new or renamed file name cannot be used, as a sentence, or null when it is fine. */
export function fileNameProblem(name: string, existing: string[], renaming?: string): string | null {
  if (!fileNameRe.test(name)) return `"${name}" is not a valid file name: use letters, digits, _ - . / and end in .ts, .js, .mjs, .cjs, .mts, .cts or .json.`;
  if (name !== renaming && existing.includes(name)) return `There is already a file named "${name}".`;
  if (renaming === undefined && existing.length >= MAX_FILES) return `A program may have at most ${MAX_FILES} files.`;
  return null;
}

/** A fresh name like worker.ts, worker2.ts, ... that no file has yet. */
export function freshFileName(existing: string[], base = "worker"): string {
  for (let i = 1; ; i++) {
    const name = `${base}${i === 1 ? "" : i}.ts`;
    if (!existing.includes(name)) return name;
  }
}
