import { basename } from "node:path";

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * Node resolves a source map's `sources` against the transpiled file's own folder, so a map naming "lib/x.ts"
 * for lib/x.js would show frames in lib/lib/x.ts. Pointing it at the learner file's base name keeps stack
 * traces and socket labels on the learner's real path, however the supervisor named the source.
 */
export function withLearnerSourceName(code: string, learnerName: string): string {
  const match = INLINE_MAP.exec(code);
  if (!match) return code;
  try {
    const map = JSON.parse(Buffer.from(match[1], "base64").toString("utf8")) as { sources?: string[] };
    if (!Array.isArray(map.sources) || map.sources.length !== 1) return code;
    map.sources = [basename(learnerName)];
    const encoded = Buffer.from(JSON.stringify(map)).toString("base64");
    return `${code.slice(0, match.index)}//# sourceMappingURL=data:application/json;base64,${encoded}\n`;
  } catch {
    return code;
  }
}
