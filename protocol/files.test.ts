import { describe, expect, it } from "vitest";
import { Value } from "@sinclair/typebox/value";
import { ProgramFiles, defaultEntry, programProblem } from "./files.js";

describe("ProgramFiles", () => {
  it("accepts relative names with a known extension and refuses every other key", () => {
    expect(Value.Check(ProgramFiles, { "main.ts": "", "lib/util.ts": "", "data.json": "{}" })).toBe(true);
    expect(Value.Check(ProgramFiles, { "main.cjs": "", "a.mjs": "", "b.cts": "", "c.mts": "", "d.js": "", "package.json": "{}" })).toBe(true);
    for (const bad of ["../evil.ts", "/etc/passwd.ts", "a b.ts", ".hidden.ts", "main.exe", "x/../../y.ts"]) {
      expect(Value.Check(ProgramFiles, { [bad]: "" }), bad).toBe(false);
    }
  });
});

describe("programProblem and defaultEntry", () => {
  it("prefers main.ts, then index, then the first name", () => {
    expect(defaultEntry({ files: { "a.ts": "", "main.ts": "" } })).toBe("main.ts");
    expect(defaultEntry({ files: { "b.ts": "", "a.ts": "" } })).toBe("a.ts");
    expect(defaultEntry({ files: { "lib.cjs": "", "main.cjs": "" } })).toBe("main.cjs");
  });
  it("explains a missing entry and an oversized program in a sentence", () => {
    expect(programProblem({ files: { "main.ts": "" }, entry: "x.ts" })).toMatch(/entry file "x.ts"/);
    expect(
      programProblem({
        files: { "a.ts": "x".repeat(60_000), "b.ts": "x".repeat(60_000), "c.ts": "x".repeat(60_000), "d.ts": "x".repeat(60_000), "e.ts": "x".repeat(60_000) },
      }),
    ).toMatch(/KiB; the limit is 256 KiB/);
    expect(programProblem({ files: { "main.ts": "" } })).toBeNull();
  });
});
