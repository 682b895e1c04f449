import { useCallback, useEffect, useRef, useState } from "react";
import { defaultEntry, type ProgramFiles } from "../../../protocol/files.js";
import { defaultFiles } from "./defaultProgram.js";
import { fileNameProblem, freshFileName } from "./fileNames.js";
import { loadWorkspace, saveWorkspace, type StoredWorkspace } from "./fileStore.js";

/** Where a workspace's files come from: an autosave key, and for a share or a lesson the files to start with. */
export interface WorkspaceSource {
  key: string;
  /** Fetches the first files when nothing is saved under `key` yet; null for the playground. */
  load: (() => Promise<{ files: ProgramFiles; entry?: string }>) | null;
}

export interface Workspace {
  files: ProgramFiles;
  active: string;
  entry: string;
  /** Counts changes made outside the editor (a share loaded, a file added, renamed or deleted), which it must adopt. */
  revision: number;
  /** A sentence about the workspace itself (a share that did not load, a refused file name), or null. */
  notice: string | null;
  /** A share's or lesson's files are still on their way; the editor holds a placeholder until then. */
  loading: boolean;
  setActive(name: string): void;
  setText(name: string, text: string): void;
  addFile(): void;
  renameFile(name: string): void;
  deleteFile(name: string): void;
  /** Swaps in a whole file set, such as a lesson's starter or solution. */
  replaceFiles(files: ProgramFiles, entry?: string): void;
  dismissNotice(): void;
}

const SAVE_DELAY_MS = 300;

const LOADING: StoredWorkspace = { files: { "main.ts": "// Loading the files…\n" }, active: "main.ts" };

function notLoaded(reason: string): StoredWorkspace {
  return { files: { "main.ts": `// The files could not be loaded: ${reason}\n` }, active: "main.ts" };
}

function initial(source: WorkspaceSource): StoredWorkspace {
  return loadWorkspace(localStorage, source.key) ?? (source.load ? LOADING : { files: defaultFiles(), active: "main.ts" });
}

function adopt(files: ProgramFiles, entry?: string): StoredWorkspace {
  const names = Object.keys(files);
  const named = entry && names.includes(entry) ? entry : undefined;
  return { files, active: named ?? names[0], ...(named ? { entry: named } : {}) };
}

/** The files being edited: autosaved to localStorage under the source's key, fetched first for a share or lesson. */
export function useWorkspace(source: WorkspaceSource): Workspace {
  const { key } = source;
  const loadRef = useRef(source.load);
  loadRef.current = source.load;
  const [state, setState] = useState(() => initial(source));
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((r) => r + 1), []);
  /** Until fetched files arrive, the placeholder must not be saved under the source's key. */
  const [ready, setReady] = useState(() => !source.load || loadWorkspace(localStorage, key) !== null);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    // Another page (a lesson after a lesson) without remounting: adopt its files as a first render would.
    setShownKey(key);
    setState(initial(source));
    setReady(!source.load || loadWorkspace(localStorage, key) !== null);
    setNotice(null);
    bump();
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for source.load, a new function each render: a new key is a new source to load
  useEffect(() => {
    const load = loadRef.current;
    if (ready || !load) return;
    let cancelled = false;
    load().then(
      (loaded) => {
        if (cancelled) return;
        setState(adopt(loaded.files, loaded.entry));
        setReady(true);
        bump();
      },
      (err: unknown) => {
        if (cancelled) return;
        const message = err instanceof Error ? err.message : String(err);
        setNotice(message);
        // The placeholder must not claim the files are still coming; it stays unsaved, as nothing was loaded.
        setState(notLoaded(message));
        bump();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, ready, bump]);

  useEffect(() => {
    if (!ready) return;
    const save = () => saveWorkspace(localStorage, key, state);
    const timer = setTimeout(save, SAVE_DELAY_MS);
    // A reload or a closed tab inside the save delay must not lose the last change.
    window.addEventListener("pagehide", save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", save);
    };
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

  const renameFile = useCallback(
    (name: string) => {
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
    },
    [state.files, bump],
  );

  const deleteFile = useCallback(
    (name: string) => {
      if (Object.keys(state.files).length < 2 || !window.confirm(`Delete ${name}?`)) return;
      setState((s) => {
        const files = { ...s.files };
        delete files[name];
        const entry = s.entry && s.entry in files ? { entry: s.entry } : {};
        return { files, active: s.active === name ? Object.keys(files)[0] : s.active, ...entry };
      });
      bump();
    },
    [state.files, bump],
  );

  const replaceFiles = useCallback(
    (files: ProgramFiles, entry?: string) => {
      setState(adopt(files, entry));
      setReady(true);
      bump();
    },
    [bump],
  );

  const entry = state.entry && state.entry in state.files ? state.entry : defaultEntry({ files: state.files });
  return {
    files: state.files,
    active: state.active,
    entry,
    revision,
    notice,
    loading: !ready,
    setActive,
    setText,
    addFile,
    renameFile,
    deleteFile,
    replaceFiles,
    dismissNotice: () => setNotice(null),
  };
}
