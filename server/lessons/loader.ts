import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Lesson } from "../../protocol/lessons.js";
import type { ProgramFiles } from "../../protocol/files.js";
import { programProblem } from "../../protocol/files.js";
import { LessonFrontMatter, PartFrontMatter, readFrontMatter } from "./front-matter.js";

export interface LoadedLesson extends Lesson {
  /** Absolute path of the lesson's check.ts. */
  checkPath: string;
}

const NUMBERED = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Loads every lesson under `root` (`NN-part/NN-lesson/`), in folder-name order. Bad content fails loudly with
 * the file at fault: a missing file, an unknown front matter key, a solution identical to its starter.
 */
export function loadLessons(root: string): LoadedLesson[] {
  const lessons: LoadedLesson[] = [];
  for (const partDir of numberedDirs(root)) {
    const partPath = join(root, partDir.name);
    const part = readFrontMatter<{ title: string }>(PartFrontMatter, readRequired(join(partPath, "README.md"), root), rel(root, partPath, "README.md")).data;
    for (const lessonDir of numberedDirs(partPath)) {
      lessons.push(loadLesson(root, join(partPath, lessonDir.name), lessonDir, { title: part.title, number: partDir.number }));
    }
  }
  const seen = new Set<string>();
  for (const l of lessons) {
    if (seen.has(l.id)) throw new Error(`lessons: two lessons have the id "${l.id}"; lesson folder names must be unique`);
    seen.add(l.id);
  }
  lessons.forEach((l, i) => (l.next = lessons[i + 1]?.id));
  return lessons;
}

function loadLesson(root: string, dir: string, folder: { name: string; slug: string; number: number }, part: { title: string; number: number }): LoadedLesson {
  const where = (...p: string[]) => rel(root, dir, ...p);
  const { data, body } = readFrontMatter<LessonFrontMatter>(LessonFrontMatter, readRequired(join(dir, "README.md"), root), where("README.md"));
  const starter = readFileSet(join(dir, "starter"), root);
  const solution = { ...starter, ...readFileSet(join(dir, "solution"), root) };
  const entry = data.entry ?? "main.ts";
  for (const [name, files] of [["starter", starter], ["solution", solution]] as const) {
    const problem = programProblem({ files, entry });
    if (problem) throw new Error(`${where(name)}: ${problem}`);
  }
  if (JSON.stringify(starter) === JSON.stringify(solution)) throw new Error(`${where("solution")}: the solution is identical to the starter`);
  const checkPath = join(dir, "check.ts");
  readRequired(checkPath, root);
  return {
    id: folder.slug, title: data.title, part: part.title, partNumber: part.number, number: folder.number,
    summary: data.summary, minutes: data.minutes, concepts: data.concepts, objectives: data.objectives,
    hints: data.hints, body, entry, starter, solution, checkPath, ...(data.scenario ? { scenario: data.scenario } : {}),
  };
}

function numberedDirs(dir: string) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const m = NUMBERED.exec(d.name);
      if (!m) throw new Error(`${dir}: "${d.name}" is not a numbered folder such as 01-hello-world`);
      return { name: d.name, number: Number(m[1]), slug: m[2] };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function readFileSet(dir: string, root: string): ProgramFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${relative(root, dir)}: missing folder`);
  const files: ProgramFiles = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  if (Object.keys(files).length === 0) throw new Error(`${relative(root, dir)}: no files`);
  return files;
}

function readRequired(path: string, root: string): string {
  if (!existsSync(path)) throw new Error(`${relative(root, path)}: missing file`);
  return readFileSync(path, "utf8");
}

const rel = (root: string, ...parts: string[]) => relative(root, join(...parts)) || ".";
