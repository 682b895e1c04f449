import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { appendAll } from "./append-all.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FOLDERS = ["server", "sandboxed"];
/**
 * Spreading an array into arguments puts every item on the stack: over a run's events or frames (which the run
 * controls) that overflows it and ends the server. Loops (appendAll), reduce or slices instead.
 */
const SPREAD_INTO_ARGUMENTS = [/\b(?:push|unshift|fromCharCode|fromCodePoint|max|min)\(\s*\.\.\./, /\.splice\([^)]*,\s*\.\.\./];

/** Learners' programs the compatibility suite runs: sandboxed input, written the way learners write. */
const LEARNER_PROGRAMS = join("server", "compat", "programs");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || path.endsWith(LEARNER_PROGRAMS) ? [] : sourceFiles(path);
    return /\.(?:ts|mts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

describe("no argument spreads of arrays in server or sandbox code", () => {
  it("finds none under server/ and sandboxed/", () => {
    const offenders: string[] = [];
    for (const file of FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (SPREAD_INTO_ARGUMENTS.some((pattern) => pattern.test(line))) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it("the patterns catch what they are for", () => {
    const spread = "...";
    const samples = [
      `a.push(${spread}b)`,
      `Math.max(${spread}xs)`,
      `String.fromCharCode(${spread}codes)`,
      `list.splice(0, 0, ${spread}more)`,
      `q.unshift( ${spread}x)`,
    ];
    for (const sample of samples)
      expect(
        SPREAD_INTO_ARGUMENTS.some((p) => p.test(sample)),
        sample,
      ).toBe(true);
  });

  it("appendAll takes an array far longer than the stack allows as arguments", () => {
    const many = new Array<number>(2_000_000).fill(1);
    expect(appendAll([0], many)).toHaveLength(2_000_001);
  });
});
