import { readFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import type { ProgramFiles } from "../../protocol/files.js";

/**
 * Reads program files from disk. Names are relative to the folder the files have in common, so
 * `a/main.ts a/lib/util.ts` becomes `main.ts` and `lib/util.ts`, as in the editor.
 */
export async function loadFiles(paths: string[]): Promise<ProgramFiles> {
  const absolute = paths.map((p) => resolve(p));
  const base = commonDir(absolute);
  const files: ProgramFiles = {};
  for (const path of absolute) {
    const name = relative(base, path).split(sep).join("/");
    if (name in files) throw new Error(`two files are both named ${name}`);
    files[name] = await readFile(path, "utf8");
  }
  return files;
}

function commonDir(paths: string[]): string {
  let dir = dirname(paths[0]);
  while (!paths.every((p) => p.startsWith(dir.endsWith(sep) ? dir : dir + sep))) dir = dirname(dir);
  return dir;
}
