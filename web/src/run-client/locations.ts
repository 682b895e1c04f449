/** A place in the learner's code, as stack traces and socket labels name it: main.ts:9:8. */
export interface CodeLocation {
  file: string;
  line: number;
  column: number;
}

export interface TextPart {
  text: string;
  location?: CodeLocation;
}

const LOCATION_RE = /([A-Za-z0-9_][A-Za-z0-9_.\-/]*\.(?:ts|js|mjs|cjs|mts|cts)):(\d+)(?::(\d+))?/g;

/**
 * Splits text into plain parts and parts that name a line of one of the program's files, so the console can
 * link them. Names of files that are not in the program (node:internal/...) stay plain.
 */
export function splitLocations(text: string, files: readonly string[]): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(LOCATION_RE)) {
    const file = m[1].replace(/^(?:\.\/|\/)+/, "");
    if (!files.includes(file)) continue;
    const start = m.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: m[0], location: { file, line: Number(m[2]), column: Number(m[3] ?? 1) } });
    last = start + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The first location in the text that belongs to the program, if any. */
export function firstLocation(text: string, files: readonly string[]): CodeLocation | undefined {
  return splitLocations(text, files).find((p) => p.location)?.location;
}
