import * as monaco from "monaco-editor/esm/vs/editor/edcore.main.js";
import "monaco-editor/esm/vs/basic-languages/typescript/typescript.contribution.js";
import "monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution.js";
import "monaco-editor/esm/vs/language/typescript/monaco.contribution.js";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker?worker";
import TsWorker from "monaco-editor/esm/vs/language/typescript/ts.worker?worker";
import zmqDraft from "zeromq/lib/draft.d.ts?raw";
import zmqErrors from "zeromq/lib/errors.d.ts?raw";
import zmqIndex from "zeromq/lib/index.d.ts?raw";
import zmqNative from "zeromq/lib/native.d.ts?raw";
import zmqUtil from "zeromq/lib/util.d.ts?raw";
import type * as Monaco from "monaco-editor";
import { addDevicesTypes } from "./devicesTypes.js";
import { addNodeTypes } from "./nodeTypes.js";

/** Monaco and everything it needs; loaded with a dynamic import so the first page stays small. */
const api = monaco as unknown as typeof Monaco;

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker()),
};

const ZMQ_ROOT = "file:///node_modules/zeromq";
const zmqTypes: Record<string, string> = {
  "lib/index.d.ts": zmqIndex,
  "lib/native.d.ts": zmqNative,
  "lib/draft.d.ts": zmqDraft,
  "lib/errors.d.ts": zmqErrors,
  "lib/util.d.ts": zmqUtil,
  "package.json": JSON.stringify({ name: "zeromq", version: "6.8.0", types: "lib/index.d.ts" }),
};

function configureTypeScript(): void {
  const ts = api.languages.typescript;
  const defaults = ts.typescriptDefaults;
  defaults.setCompilerOptions({
    // ES2022 (9 in the bundled TypeScript 5.4); Monaco's enum typing stops at ES2020.
    target: 9 as Monaco.languages.typescript.ScriptTarget,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    allowNonTsExtensions: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    lib: ["es2022", "dom"],
    types: ["node"],
  });
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  defaults.setEagerModelSync(true);
  for (const [path, text] of Object.entries(zmqTypes)) {
    const source = path.endsWith(".d.ts") ? text.replace(/\/\/\/ <reference types="node" \/>\n/g, "") : text;
    defaults.addExtraLib(source, `${ZMQ_ROOT}/${path}`);
  }
  addDevicesTypes((content, path) => defaults.addExtraLib(content, path));
  void addNodeTypes((content, path) => defaults.addExtraLib(content, path)).catch((err: unknown) => {
    console.warn("The editor could not load Node's type definitions; node: imports will show as unknown.", err);
  });
}

/** The editor's background matches the panes around it in both themes. */
function defineThemes(): void {
  api.editor.defineTheme("workbench-light", { base: "vs", inherit: true, rules: [], colors: { "editor.background": "#ffffff" } });
  // vs-dark's comment green falls under 4.5:1 against this background (and the current-line highlight): a lighter green.
  api.editor.defineTheme("workbench-dark", {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "7BAF66" }],
    colors: { "editor.background": "#1a1e26" },
  });
}

configureTypeScript();
defineThemes();

export { api as monaco };
