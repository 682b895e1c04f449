import { transform } from "esbuild";
import type { ProgramFiles } from "../../protocol/files.js";

export class CompileError extends Error {
  constructor(message: string, readonly file: string) {
    super(message);
  }
}

/** Transpiles each TypeScript file on its own (no bundling), so stack traces and labels keep learner file names. */
export async function transpileProgram(files: ProgramFiles): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(
    Object.entries(files).map(async ([name, source]) => {
      if (name.endsWith(".json")) {
        out[name] = source;
        return;
      }
      try {
        const result = await transform(source, {
          loader: /\.m?ts$/.test(name) ? "ts" : "js",
          format: "esm",
          target: "node20",
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

interface EsbuildMessage { text: string; location?: { file: string; line: number; column: number; lineText: string } | null }

function describeEsbuildError(err: unknown, name: string): string {
  const errors = (err as { errors?: EsbuildMessage[] }).errors;
  if (!errors?.length) return `${name}: ${(err as Error).message}`;
  return errors
    .slice(0, 5)
    .map((e) => (e.location ? `${name}:${e.location.line}:${e.location.column + 1}: ${e.text}\n    ${e.location.lineText}` : `${name}: ${e.text}`))
    .join("\n");
}
