// Monaco's deep ESM entry points ship without declarations; their API is the package's own typings.
declare module "monaco-editor/esm/vs/editor/edcore.main.js" {
  export * from "monaco-editor";
}
declare module "monaco-editor/esm/vs/basic-languages/typescript/typescript.contribution.js";
declare module "monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution.js";
declare module "monaco-editor/esm/vs/language/typescript/monaco.contribution.js";
