import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { withLearnerSourceName } from "./source-map-names.js";

const RUNTIME_EXTENSION: Record<string, string> = { ".ts": ".js", ".tsx": ".js", ".mts": ".mjs", ".cts": ".cjs" };

/** The name a learner file has on disk once transpiled: main.ts → main.js, lib/x.mts → lib/x.mjs. */
export function runtimeName(learnerName: string): string {
  const match = /\.[cm]?tsx?$/.exec(learnerName);
  if (!match) return learnerName;
  return learnerName.slice(0, match.index) + (RUNTIME_EXTENSION[match[0]] ?? ".js");
}

/** Writes the job's files under `workDir` and returns the absolute path of the entry to import. */
export function writeJobFiles(workDir: string, files: Record<string, string>, entry: string): string {
  let packageJson: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(files)) {
    const target = safeJoin(workDir, runtimeName(name));
    if (name === "package.json") {
      packageJson = parseObject(text);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, name.endsWith(".json") ? text : withLearnerSourceName(text, name));
  }
  // Transpiled files are ESM, so the work dir must be a module package whatever the learner's package.json says.
  writeFileSync(join(workDir, "package.json"), JSON.stringify({ ...packageJson, type: "module" }));
  return safeJoin(workDir, runtimeName(entry));
}

function safeJoin(root: string, name: string): string {
  const clean = normalize(name);
  if (isAbsolute(clean) || clean === ".." || clean.startsWith(`..${sep}`)) {
    throw new Error(`file name ${JSON.stringify(name)} points outside the program folder`);
  }
  return join(root, clean);
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
