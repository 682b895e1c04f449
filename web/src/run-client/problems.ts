import type { CodeProblem } from "../editor/MonacoHost.js";
import { firstLocation } from "./locations.js";
import type { ConsoleLine } from "./runState.js";

/**
 * Where the run failed: the first program location in the error output, marked with the error's first line
 * (the "Error: ..." sentence that precedes the stack).
 */
export function runProblems(lines: ConsoleLine[], files: string[]): CodeProblem[] {
  const errors = lines.filter((l) => l.stream === "stderr" || l.stream === "error");
  for (const line of errors) {
    const location = firstLocation(line.text, files);
    if (location) return [{ location, message: errors[0].text.trim() || "The run failed here." }];
  }
  return [];
}
