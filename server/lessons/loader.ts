import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Lesson } from "../../protocol/lessons.js";
import type { ProgramFiles } from "../../protocol/files.js";
import { programProblem } from "../../protocol/files.js";
import { AlternativeFrontMatter, CheatFrontMatter, LessonFrontMatter, PartFrontMatter, readFrontMatter } from "./front-matter.js";

/** A program that proves the check: an alternative must pass it, a cheat must fail it on the assertion `fails`. */
export interface LessonVariant {
  kind: "alternative" | "cheat";
  name: string;
  about: string;
  fails?: string;
  files: ProgramFiles;
}

export interface LoadedLesson extends Lesson {
  /** Absolute path of the lesson's check.ts. */
  checkPath: string;
  /** Alternatives and cheats; never sent to the browser. */
  variants: LessonVariant[];
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
  for (const [name, files] of [
    ["starter", starter],
    ["solution", solution],
  ] as const) {
    const problem = programProblem({ files, entry });
    if (problem) throw new Error(`${where(name)}: ${problem}`);
  }
  if (JSON.stringify(starter) === JSON.stringify(solution)) throw new Error(`${where("solution")}: the solution is identical to the starter`);
  const checkPath = join(dir, "check.ts");
  readRequired(checkPath, root);
  if (data.scenario && !existsSync(join(root, "..", "scenarios", `${data.scenario}.yaml`))) {
    throw new Error(`${where("README.md")}: scenario "${data.scenario}" is not a file in scenarios/`);
  }
  const goalIds = new Set(data.goal?.sockets.map((s) => s.id));
  const stray = data.goal?.links.flatMap((l) => [l.from, l.to]).find((id) => !goalIds.has(id));
  if (stray) throw new Error(`${where("README.md")}: goal link names "${stray}", which is not one of the goal's sockets`);
  const variants = [...loadVariants(root, dir, "alternative", starter, entry), ...loadVariants(root, dir, "cheat", starter, entry)];
  return {
    id: folder.slug,
    title: data.title,
    part: part.title,
    partNumber: part.number,
    number: folder.number,
    summary: data.summary,
    minutes: data.minutes,
    concepts: data.concepts,
    objectives: data.objectives,
    hints: data.hints,
    body,
    entry,
    starter,
    solution,
    checkPath,
    variants,
    ...(data.scenario ? { scenario: data.scenario } : {}),
    ...(data.goal ? { goal: data.goal } : {}),
  };
}

/** `alternatives/<name>/` or `cheats/<name>/`: a README.md with front matter plus files laid over the starter. */
function loadVariants(root: string, dir: string, kind: LessonVariant["kind"], starter: ProgramFiles, entry: string): LessonVariant[] {
  const folder = join(dir, kind === "cheat" ? "cheats" : "alternatives");
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const where = rel(root, folder, name);
      const own = readFileSet(join(folder, name), root);
      const readme = own["README.md"];
      delete own["README.md"];
      if (readme === undefined) throw new Error(`${where}/README.md: missing file`);
      const schema = kind === "cheat" ? CheatFrontMatter : AlternativeFrontMatter;
      const { data } = readFrontMatter<{ about: string; fails?: string }>(schema, readme, `${where}/README.md`);
      const files = { ...starter, ...own };
      const problem = programProblem({ files, entry });
      if (problem) throw new Error(`${where}: ${problem}`);
      if (JSON.stringify(files) === JSON.stringify(starter)) throw new Error(`${where}: identical to the starter`);
      return { kind, name, about: data.about, ...(data.fails ? { fails: data.fails } : {}), files };
    });
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
