import { Type, type Static } from "@sinclair/typebox";

/** Program file names: a flat set of relative names such as `main.ts` or `lib/util.ts`. */
export const FILE_NAME_PATTERN = "^(?!.*\\.\\.)(?!/)[A-Za-z0-9_][A-Za-z0-9_.\\-/]{0,63}\\.(ts|js|mjs|cjs|mts|cts|json)$";
export const MAX_FILES = 16;
export const MAX_FILE_BYTES = 64 * 1024;
export const MAX_PROGRAM_BYTES = 256 * 1024;

export const ProgramFiles = Type.Record(
  Type.String({ pattern: FILE_NAME_PATTERN }),
  Type.String({ maxLength: MAX_FILE_BYTES }),
  // Without additionalProperties: false a key-pattern record would accept any other key, such as ../evil.ts.
  { minProperties: 1, maxProperties: MAX_FILES, additionalProperties: false },
);
export type ProgramFiles = Static<typeof ProgramFiles>;

export const Program = Type.Object({
  files: ProgramFiles,
  entry: Type.Optional(Type.String({ pattern: FILE_NAME_PATTERN })),
});
export type Program = Static<typeof Program>;

const fileNameRe = new RegExp(FILE_NAME_PATTERN);

/** A sentence for the first bad file name, so a schema failure on a name reads as well as the other checks. */
export function fileNameProblem(files: unknown): string | null {
  if (typeof files !== "object" || files === null) return null;
  for (const name of Object.keys(files)) {
    if (!fileNameRe.test(name))
      return `"${name}" is not a valid file name (letters, digits, _ - . / and an extension .ts, .js, .mjs, .cjs, .mts, .cts or .json).`;
  }
  return null;
}

/** Checks what a schema cannot: the total size and that the entry is one of the files. Returns a sentence or null. */
export function programProblem(program: Program): string | null {
  const names = Object.keys(program.files);
  if (names.length === 0) return "The program has no files.";
  if (names.length > MAX_FILES) return `A program may have at most ${MAX_FILES} files; this one has ${names.length}.`;
  const badName = fileNameProblem(program.files);
  if (badName) return badName;
  const total = names.reduce((sum, n) => sum + new TextEncoder().encode(program.files[n]).length, 0);
  if (total > MAX_PROGRAM_BYTES) return `The program is ${Math.ceil(total / 1024)} KiB; the limit is ${MAX_PROGRAM_BYTES / 1024} KiB.`;
  const entry = defaultEntry(program);
  if (!(entry in program.files)) return `The entry file "${entry}" is not one of the program's files.`;
  return null;
}

/** The entry is the one named, else main.ts/main.js/index.ts, else the first file. */
export function defaultEntry(program: Program): string {
  if (program.entry) return program.entry;
  for (const n of ["main.ts", "main.js", "main.mjs", "main.cjs", "index.ts", "index.js"]) if (n in program.files) return n;
  return Object.keys(program.files).sort()[0] ?? "main.ts";
}
