import { useEffect, useRef, useState } from "react";
import type * as Monaco from "monaco-editor";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { CodeLocation } from "../run-client/locations.js";

/** A place to show, with a nonce so asking twice for the same place still moves the cursor. */
export interface RevealRequest extends CodeLocation {
  nonce: number;
}
export interface CodeProblem {
  location: CodeLocation;
  message: string;
}

type MonacoApi = typeof Monaco;

interface Props {
  files: ProgramFiles;
  /** Models adopt `files` only when this changes: the editor's own edits come back stale while typing fast. */
  revision: number;
  active: string;
  dark: boolean;
  onChange: (name: string, text: string) => void;
  onRun: () => void;
  reveal: RevealRequest | null;
  /** Where the last run failed, marked in the code like a type error. */
  problems: CodeProblem[];
  /** A spectator's view of someone else's code. */
  readOnly?: boolean;
  /** The editor's own type errors (TypeScript's markers), whenever they change. */
  onTypeErrors?: (errors: CodeProblem[]) => void;
}

const uriOf = (api: MonacoApi, name: string) => api.Uri.parse(`file:///${name}`);
/** JavaScript files (.js, .mjs, .cjs) are edited as JavaScript, so CommonJS `require` is not flagged as TypeScript. */
const languageOf = (name: string) => (/\.[cm]?js$/.test(name) ? "javascript" : "typescript");

/** Monaco, loaded on first use: one model per file, view state kept per file, Ctrl/Cmd+Enter runs. */
export function MonacoHost({ files, revision, active, dark, onChange, onRun, reveal, problems, readOnly = false, onTypeErrors }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [api, setApi] = useState<MonacoApi | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const viewStates = useRef(new Map<string, Monaco.editor.ICodeEditorViewState | null>());
  const shownRef = useRef<string | null>(null);
  const callbacks = useRef({ onChange, onRun, onTypeErrors });
  callbacks.current = { onChange, onRun, onTypeErrors };
  /** Files edited since the run's error markers were set: a marker of old code would point at the wrong place. */
  const editedSinceRun = useRef(new Set<string>());
  const problemsKey = useRef("");
  const filesRef = useRef(files);
  filesRef.current = files;

  useEffect(() => {
    let cancelled = false;
    import("./monacoSetup.js").then(
      (m) => {
        if (!cancelled) setApi(m.monaco);
      },
      (err: unknown) => setFailed(`The editor could not be loaded: ${String(err)}`),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!api || !hostRef.current) return;
    const editor = api.editor.create(hostRef.current, {
      automaticLayout: true,
      fontSize: 15,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      fixedOverflowWidgets: true,
    });
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => callbacks.current.onRun());
    const sub = editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      if (!model) return;
      editedSinceRun.current.add(model.uri.path.slice(1));
      api.editor.setModelMarkers(model, "run", []);
      callbacks.current.onChange(model.uri.path.slice(1), model.getValue());
    });
    const markerSub = api.editor.onDidChangeMarkers(() => {
      const errors = api.editor.getModelMarkers({ owner: "typescript" }).filter((m) => m.severity === api.MarkerSeverity.Error);
      callbacks.current.onTypeErrors?.(
        errors.map((m) => ({
          location: { file: m.resource.path.slice(1), line: m.startLineNumber, column: m.startColumn },
          message: m.message,
        })),
      );
    });
    editorRef.current = editor;
    return () => {
      sub.dispose();
      markerSub.dispose();
      editor.dispose();
      editorRef.current = null;
      for (const model of api.editor.getModels()) model.dispose();
    };
  }, [api]);

  useEffect(() => {
    if (api) editorRef.current?.updateOptions({ readOnly, ariaLabel: readOnly ? "Presenter's code (read-only)" : "Program editor" });
  }, [api, readOnly]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: revision says the files were replaced from outside; the files themselves change with every keystroke the models already hold, and re-setting a model from them would drop a keystroke typed before React re-rendered
  useEffect(() => {
    if (!api) return;
    const current = filesRef.current;
    for (const model of api.editor.getModels()) {
      if (!(model.uri.path.slice(1) in current)) model.dispose();
    }
    for (const [name, text] of Object.entries(current)) {
      const model = api.editor.getModel(uriOf(api, name)) ?? api.editor.createModel(text, languageOf(name), uriOf(api, name));
      if (model.getValue() !== text) model.setValue(text);
    }
  }, [api, revision]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: after a revision the models are new ones, and the editor must be given the active file's new model
  useEffect(() => {
    const editor = editorRef.current;
    if (!api || !editor) return;
    const model = api.editor.getModel(uriOf(api, active));
    if (!model || editor.getModel() === model) return;
    if (shownRef.current) viewStates.current.set(shownRef.current, editor.saveViewState());
    editor.setModel(model);
    editor.restoreViewState(viewStates.current.get(active) ?? null);
    shownRef.current = active;
  }, [api, active, revision]);

  useEffect(() => {
    const editor = editorRef.current;
    // A reveal in another file waits until that file is the active one (the parent switches it in the same or next render).
    if (!api || !editor || !reveal || reveal.file !== active || editor.getModel()?.uri.path.slice(1) !== active) return;
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.revealLineInCenter(reveal.line);
    editor.focus();
  }, [api, reveal, active]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: after a revision the models are new ones, without the markers the old ones had
  useEffect(() => {
    if (!api) return;
    const key = JSON.stringify(problems);
    if (key !== problemsKey.current) editedSinceRun.current.clear();
    problemsKey.current = key;
    for (const model of api.editor.getModels()) {
      const name = model.uri.path.slice(1);
      const mine = editedSinceRun.current.has(name) ? [] : problems.filter((p) => p.location.file === name);
      api.editor.setModelMarkers(
        model,
        "run",
        mine.map((p) => ({
          severity: api.MarkerSeverity.Error,
          message: p.message,
          startLineNumber: p.location.line,
          startColumn: p.location.column,
          endLineNumber: p.location.line,
          endColumn: model.getLineMaxColumn(Math.min(p.location.line, model.getLineCount())),
        })),
      );
    }
  }, [api, problems, revision]);

  useEffect(() => api?.editor.setTheme(dark ? "workbench-dark" : "workbench-light"), [api, dark]);

  return (
    <div className="monaco-host" ref={hostRef}>
      {!api && <p className="editor-loading">{failed ?? "Loading the editor…"}</p>}
    </div>
  );
}
