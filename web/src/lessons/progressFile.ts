import { loadWorkspace, saveWorkspace, type StoredWorkspace } from "../program/fileStore.js";
import { LESSON_ID_PATTERN, lessonFilesKey, parseProgress, readProgress, writeProgress } from "./progress.js";

/** Bump when a change would make older readers misread a file; readers refuse versions they do not know. */
export const PROGRESS_FILE_VERSION = 1;
const FORMAT = "zmq-workbench-progress";

export interface ProgressFile {
  format: typeof FORMAT;
  version: typeof PROGRESS_FILE_VERSION;
  exportedAt: string;
  solved: Record<string, string>;
  /** Each lesson's autosaved code, by lesson id. */
  code: Record<string, StoredWorkspace>;
}

type Store = Pick<Storage, "getItem" | "setItem" | "key" | "length">;

export function exportProgress(storage: Store, now = new Date()): ProgressFile {
  const code: Record<string, StoredWorkspace> = {};
  const prefix = lessonFilesKey("");
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const id = key.slice(prefix.length);
    const workspace = loadWorkspace(storage, key);
    if (workspace && LESSON_ID_PATTERN.test(id)) code[id] = workspace;
  }
  return { format: FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: now.toISOString(), solved: readProgress(storage).solved, code };
}

export function progressFileName(now = new Date()): string {
  return `zmq-workbench-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedProgress = { ok: true; file: ProgressFile } | { ok: false; error: string };

/** Reads an exported file, saying in one sentence what is wrong with a bad one; code that is off-protocol is left out. */
export function parseProgressFile(text: string): ParsedProgress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "This file is not JSON, so it is not progress exported by the workbench." };
  }
  const obj = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  if (obj.format !== FORMAT) return { ok: false, error: `This JSON file is not workbench progress (it has no "format": "${FORMAT}").` };
  if (obj.version !== PROGRESS_FILE_VERSION) {
    return { ok: false, error: `This progress file has version ${JSON.stringify(obj.version)}; this workbench reads version ${PROGRESS_FILE_VERSION}.` };
  }
  const solved = parseProgress(JSON.stringify({ solved: obj.solved })).solved;
  const code: Record<string, StoredWorkspace> = {};
  if (obj.code && typeof obj.code === "object") {
    for (const [id, raw] of Object.entries(obj.code)) {
      const workspace = LESSON_ID_PATTERN.test(id) ? loadWorkspace({ getItem: () => JSON.stringify(raw) }, id) : null;
      if (workspace) code[id] = workspace;
    }
  }
  return { ok: true, file: { format: FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: String(obj.exportedAt ?? ""), solved, code } };
}

/** Adds the file's solved lessons to this browser's and replaces the code of the lessons it carries. */
export function importProgress(storage: Store, file: ProgressFile): { solved: number; code: string[] } {
  const current = readProgress(storage).solved;
  writeProgress(storage, { solved: { ...file.solved, ...current } });
  for (const [id, workspace] of Object.entries(file.code)) saveWorkspace(storage, lessonFilesKey(id), workspace);
  return { solved: Object.keys(file.solved).length, code: Object.keys(file.code) };
}
