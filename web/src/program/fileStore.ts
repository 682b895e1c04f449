import { Value } from "@sinclair/typebox/value";
import { ProgramFiles, programProblem } from "../../../protocol/files.js";

/** Where a workspace lives in localStorage: the playground has one, each opened share its own. */
export function storageKey(shareId: string | null): string {
  return shareId ? `zmq-workbench.files.share.${shareId}` : "zmq-workbench.files";
}

export interface StoredWorkspace {
  files: ProgramFiles;
  active: string;
  /** Set when a share named its entry; otherwise the usual main.ts/index.ts rule applies. */
  entry?: string;
}

/** Reads a saved workspace; anything unreadable or off-protocol counts as nothing saved. */
export function loadWorkspace(storage: Pick<Storage, "getItem">, key: string): StoredWorkspace | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { files?: unknown; active?: unknown; entry?: unknown };
    if (!Value.Check(ProgramFiles, parsed.files) || programProblem({ files: parsed.files })) return null;
    const names = Object.keys(parsed.files);
    const active = typeof parsed.active === "string" && names.includes(parsed.active) ? parsed.active : names[0];
    const entry = typeof parsed.entry === "string" && names.includes(parsed.entry) ? parsed.entry : undefined;
    return entry ? { files: parsed.files, active, entry } : { files: parsed.files, active };
  } catch {
    return null;
  }
}

export function saveWorkspace(storage: Pick<Storage, "setItem">, key: string, workspace: StoredWorkspace): void {
  try {
    storage.setItem(key, JSON.stringify(workspace));
  } catch {
    // A full or disabled storage only costs the autosave; the editor keeps working.
  }
}
