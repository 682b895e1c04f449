import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
/** The one sandbox-side module the server may import: the channel contract both ends validate against. */
const CHANNEL_CONTRACTS = ["sandboxed/runner/channel.ts"];

/** Where code runs decides what it may import: a rule per home, for every non-test source file in it. */
const RULES: { home: string; allowed: (target: string) => boolean; says: string }[] = [
  { home: "web/src/", allowed: (t) => t.startsWith("web/") || t.startsWith("protocol/"), says: "browser code imports only web/ and protocol/" },
  { home: "protocol/", allowed: (t) => t.startsWith("protocol/"), says: "protocol/ imports nothing of either side" },
  { home: "sandboxed/", allowed: (t) => !t.startsWith("server/") && !t.startsWith("web/"), says: "sandbox-side code imports no server or browser code" },
  {
    home: "server/",
    allowed: (t) => !t.startsWith("web/") && (!t.startsWith("sandboxed/") || CHANNEL_CONTRACTS.includes(t)),
    says: "the server reaches sandbox-side code only through the channel contract",
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(`${path}/`);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !path.includes("/testing/") && !path.includes("/test/") ? [path] : [];
  });
}

/** Relative import targets of one file, as repository paths with a .ts ending where the file is TypeScript. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), "utf8");
  const specs = [...source.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
  return specs.map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, ".ts"));
}

describe("module boundaries", () => {
  for (const rule of RULES) {
    it(rule.says, () => {
      const crossings = sourceFiles(rule.home).flatMap((file) =>
        importsOf(file)
          .filter((t) => !rule.allowed(t))
          .map((t) => `${file} → ${t}`),
      );
      expect(crossings).toEqual([]);
    });
  }

  it("finds the imports it checks (the rules are not vacuous)", () => {
    expect(importsOf("server/app.ts")).toContain("server/config.ts");
    expect(sourceFiles("web/src/").length).toBeGreaterThan(50);
  });
});
