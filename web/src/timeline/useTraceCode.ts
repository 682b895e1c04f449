import { useEffect, useRef, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import { loadWorkspace, saveWorkspace } from "../program/fileStore.js";
import type { Workspace } from "../program/useWorkspace.js";

const sameFiles = (a: ProgramFiles, b: ProgramFiles) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, text]) => b[name] === text);

/** Where the code an opened trace replaced waits, beside the workspace's own autosave. */
export const keptCodeKey = (workspaceKey: string) => `${workspaceKey}.before-trace`;

export interface TraceCode {
  /** The editor holds a trace's program and the code it replaced is kept. */
  kept: boolean;
  restore(): void;
}

/**
 * An opened trace (a file, or the run that came with a share link) brings its own program, and the editor shows it,
 * so the graph and the code on screen belong together. The code it replaced is kept (across reloads) until put back;
 * a second trace opened meanwhile does not overwrite it.
 */
export function useTraceCode(program: { files: ProgramFiles; entry?: string } | null, workspace: Workspace, workspaceKey: string): TraceCode {
  const key = keptCodeKey(workspaceKey);
  const [kept, setKept] = useState(() => loadWorkspace(localStorage, key) !== null);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setKept(loadWorkspace(localStorage, key) !== null);
  }
  const adopted = useRef<ProgramFiles | null>(null);
  const files = program?.files ?? null;

  useEffect(() => {
    if (!program || workspace.loading || adopted.current === program.files) return;
    adopted.current = program.files;
    if (sameFiles(workspace.files, program.files)) return;
    if (loadWorkspace(localStorage, key) === null) {
      saveWorkspace(localStorage, key, { files: workspace.files, active: workspace.active, entry: workspace.entry });
      setKept(true);
    }
    workspace.replaceFiles(program.files, program.entry);
    // Adopted once per opened trace, when the workspace has its own files; later edits are the reader's.
  }, [files, workspace.loading]);

  return {
    kept,
    restore: () => {
      const saved = loadWorkspace(localStorage, key);
      localStorage.removeItem(key);
      setKept(false);
      if (saved) workspace.replaceFiles(saved.files, saved.entry);
    },
  };
}
