import { useCallback, useEffect, useState } from "react";
import { defaultEntry, type ProgramFiles } from "../../../protocol/files.js";
import { loadShare } from "../share/shareApi.js";
import { defaultFiles } from "./defaultProgram.js";
import { fileNameProblem, freshFileName } from "./fileNames.js";
import { loadWorkspace, saveWorkspace, storageKey, type StoredWorkspace } from "./fileStore.js";

export interface Workspace {
  files: ProgramFiles;
  active: string;
  entry: string;
  /** Counts changes made outside the editor (a share loaded, a file added, renamed or deleted), which it must adopt. */
  revision: number;
  /** A sentence about the workspace itself (a share that did not load, a refused file name), or null. */
  notice: string | null;
  setActive(name: string): void;
  setText(name: string, text: string): void;
  addFile(): void;
  renameFile(name: string): void;
  deleteFile(name: string): void;
  dismissNotice(): void;
}

const SAVE_DELAY_MS = 300;

function initial(key: string): StoredWorkspace {
  return loadWorkspace(localStorage, key) ?? { files: defaultFiles(), active: "main.ts" };
}

/** The files being edited: autosaved to localStorage, opened from a share when the page is /s/:id. */
export function useWorkspace(shareId: string | null): Workspace {
  const key = storageKey(shareId);
  const [state, setState] = useState(() => initial(key));
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((r) => r + 1), []);
  /** Until a share arrives, the placeholder files must not be saved under the share's key. */
  const [ready, setReady] = useState(() => !shareId || loadWorkspace(localStorage, key) !== null);

  useEffect(() => {
    if (ready) return;
    if (!shareId) return;
    loadShare(shareId).then(
      (share) => {
        const names = Object.keys(share.files);
        const entry = names.includes(share.entry) ? share.entry : undefined;
        setState({ files: share.files, active: entry ?? names[0], ...(entry ? { entry } : {}) });
        setReady(true);
        bump();
      },
      (err: unknown) => setNotice(err instanceof Error ? err.message : String(err)),
    );
  }, [shareId, ready, bump]);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => saveWorkspace(localStorage, key, state), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, state, ready]);

  const setActive = useCallback((name: string) => setState((s) => ({ ...s, active: name })), []);
  const setText = useCallback((name: string, text: string) => {
    setState((s) => (s.files[name] === text || !(name in s.files) ? s : { ...s, files: { ...s.files, [name]: text } }));
  }, []);

  const addFile = useCallback(() => {
    const names = Object.keys(state.files);
    const name = window.prompt("Name of the new file", freshFileName(names))?.trim();
    if (!name) return;
    const problem = fileNameProblem(name, names);
    if (problem) return setNotice(problem);
    setState((s) => ({ ...s, files: { ...s.files, [name]: "" }, active: name }));
    bump();
  }, [state.files, bump]);

  const renameFile = useCallback((name: string) => {
    const names = Object.keys(state.files);
    const next = window.prompt(`Rename ${name} to`, name)?.trim();
    if (!next || next === name) return;
    const problem = fileNameProblem(next, names, name);
    if (problem) return setNotice(problem);
    setState((s) => {
      const files = Object.fromEntries(Object.entries(s.files).map(([n, t]) => [n === name ? next : n, t]));
      return { files, active: s.active === name ? next : s.active, ...(s.entry ? { entry: s.entry === name ? next : s.entry } : {}) };
    });
    bump();
  }, [state.files, bump]);

  const deleteFile = useCallback((name: string) => {
    if (Object.keys(state.files).length < 2 || !window.confirm(`Delete ${name}?`)) return;
    setState((s) => {
      const files = { ...s.files };
      delete files[name];
      const entry = s.entry && s.entry in files ? { entry: s.entry } : {};
      return { files, active: s.active === name ? Object.keys(files)[0] : s.active, ...entry };
    });
    bump();
  }, [state.files, bump]);

  const entry = state.entry && state.entry in state.files ? state.entry : defaultEntry({ files: state.files });
  return {
    files: state.files, active: state.active, entry, revision, notice,
    setActive, setText, addFile, renameFile, deleteFile, dismissNotice: () => setNotice(null),
  };
}
