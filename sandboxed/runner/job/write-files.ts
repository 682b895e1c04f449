import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { writeTracedPackages } from "./traced-packages.js";
import { withLearnerSourceName } from "./source-map-names.js";

const RUNTIME_EXTENSION: Record<string, string> = { ".ts": ".js", ".tsx": ".js", ".mts": ".mjs", ".cts": ".cjs" };

/** The name a learner file has on disk once transpiled: main.ts → main.js, lib/x.mts → lib/x.mjs. */
export function runtimeName(learnerName: string): string {
  const match = /\.[cm]?tsx?$/.exec(learnerName);
  if (!match) return learnerName;
  return learnerName.slice(0, match.index) + (RUNTIME_EXTENSION[match[0]] ?? ".js");
}

/**
 * Writes the job's files under `workDir`, and the traced packages beside them, and returns the absolute path of
 * the entry. The learner's package.json is written as given (no package.json when there is none), so each file is
 * CommonJS or ESM exactly as Node decides for it: by extension, by "type", else by its syntax.
 */
export function writeJobFiles(workDir: string, files: Record<string, string>, entry: string, bundleUrl: string): string {
  for (const [name, text] of Object.entries(files)) {
    const target = safeJoin(workDir, runtimeName(name));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, name.endsWith(".json") ? text : withLearnerSourceName(text, name));
  }
  writeTracedPackages(workDir, bundleUrl);
  return safeJoin(workDir, runtimeName(entry));
}

function safeJoin(root: string, name: string): string {
  const clean = normalize(name);
  if (isAbsolute(clean) || clean === ".." || clean.startsWith(`..${sep}`)) {
    throw new Error(`file name ${JSON.stringify(name)} points outside the program folder`);
  }
  return join(root, clean);
}
