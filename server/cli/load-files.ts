import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { ProgramFiles } from "../../protocol/files.js";

/** Reads program files from disk; each keeps its base name, as in the editor. */
export async function loadFiles(paths: string[]): Promise<ProgramFiles> {
  const files: ProgramFiles = {};
  for (const path of paths) {
    const name = basename(path);
    if (name in files) throw new Error(`two files are both named ${name}`);
    files[name] = await readFile(path, "utf8");
  }
  return files;
}
