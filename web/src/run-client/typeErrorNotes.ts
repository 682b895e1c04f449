import type { CodeProblem } from "../editor/MonacoHost.js";
import type { ConsoleLine } from "./runState.js";

/** More than this many are summed up in one line: the first few are the ones to fix. */
export const TYPE_ERRORS_LISTED = 10;

/**
 * The console lines that say, as a run starts, which type errors the editor shows. The run goes ahead anyway:
 * a learner also needs to see what happens at run time.
 */
export function typeErrorNotes(errors: CodeProblem[]): Array<Omit<ConsoleLine, "id">> {
  if (errors.length === 0) return [];
  const sorted = [...errors].sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line);
  const count = errors.length === 1 ? "1 type error" : `${errors.length} type errors`;
  const lines: Array<Omit<ConsoleLine, "id">> = [{ stream: "warning", text: `The editor shows ${count}; running the program anyway.` }];
  for (const e of sorted.slice(0, TYPE_ERRORS_LISTED)) {
    lines.push({ stream: "warning", text: `${e.location.file}:${e.location.line}:${e.location.column} ${e.message.split("\n")[0]}` });
  }
  if (sorted.length > TYPE_ERRORS_LISTED) lines.push({ stream: "warning", text: `… and ${sorted.length - TYPE_ERRORS_LISTED} more.` });
  return lines;
}
