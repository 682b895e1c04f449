import { transform } from "esbuild";
import type { ProgramFiles } from "../../protocol/files.js";

/** The Node the sandbox runs, as esbuild's target: for learners' files and the runner's own bundle alike. */
export const NODE_TARGET = "node20";

export class CompileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/**
 * The module format a file is transpiled to, the way Node and tsc decide it: .mts/.cts by extension, .ts by the
 * package.json "type"; otherwise (and for every JavaScript file) it is kept as written (undefined) and Node tells
 * CommonJS from ESM by its syntax (`import`/`export`/top-level await make it ESM).
 */
export function outputFormat(name: string, packageType: string | undefined): "esm" | "cjs" | undefined {
  if (!/\.[cm]?tsx?$/.test(name)) return undefined;
  if (/\.mtsx?$/.test(name)) return "esm";
  if (/\.ctsx?$/.test(name)) return "cjs";
  return packageType === "module" ? "esm" : packageType === "commonjs" ? "cjs" : undefined;
}

function packageTypeOf(files: ProgramFiles): string | undefined {
  try {
    const type: unknown = (JSON.parse(files["package.json"] ?? "{}") as { type?: unknown }).type;
    return typeof type === "string" ? type : undefined;
  } catch {
    return undefined;
  }
}

/** Transpiles each TypeScript file on its own (no bundling), so stack traces and labels keep learner file names. */
export async function transpileProgram(files: ProgramFiles): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const packageType = packageTypeOf(files);
  await Promise.all(
    Object.entries(files).map(async ([name, source]) => {
      if (name.endsWith(".json")) {
        out[name] = source;
        return;
      }
      try {
        const result = await transform(source, {
          loader: /\.[cm]?ts$/.test(name) ? "ts" : "js",
          format: outputFormat(name, packageType),
          target: NODE_TARGET,
          sourcemap: "inline",
          sourcefile: name,
          logLevel: "silent",
        });
        out[name] = result.code;
      } catch (err) {
        throw new CompileError(describeEsbuildError(err, name), name);
      }
    }),
  );
  return out;
}

interface EsbuildMessage {
  text: string;
  location?: { file: string; line: number; column: number; lineText: string } | null;
}

function describeEsbuildError(err: unknown, name: string): string {
  const errors = (err as { errors?: EsbuildMessage[] }).errors;
  if (!errors?.length) return `${name}: ${(err as Error).message}`;
  return errors
    .slice(0, 5)
    .map((e) => (e.location ? `${name}:${e.location.line}:${e.location.column + 1}: ${e.text}\n    ${e.location.lineText}` : `${name}: ${e.text}`))
    .join("\n");
}
