import { describe, expect, it } from "vitest";
import { TYPE_ERRORS_LISTED, typeErrorNotes } from "./typeErrorNotes.js";

const at = (file: string, line: number, message = "Cannot find name 'x'.") => ({ location: { file, line, column: 3 }, message });

describe("typeErrorNotes", () => {
  it("says nothing when the editor shows no type error", () => {
    expect(typeErrorNotes([])).toEqual([]);
  });

  it("lists each error with a location the console turns into a link, by file and line", () => {
    const lines = typeErrorNotes([at("main.ts", 9), at("main.ts", 2, "Type 'string' is not assignable\nto type 'number'."), at("a.ts", 5)]);
    expect(lines.map((l) => l.text)).toEqual([
      "The editor shows 3 type errors; running the program anyway.",
      "a.ts:5:3 Cannot find name 'x'.",
      "main.ts:2:3 Type 'string' is not assignable",
      "main.ts:9:3 Cannot find name 'x'.",
    ]);
    expect(lines.every((l) => l.stream === "warning")).toBe(true);
  });

  it("sums up what is past the first few", () => {
    const many = Array.from({ length: TYPE_ERRORS_LISTED + 4 }, (_, i) => at("main.ts", i + 1));
    const lines = typeErrorNotes(many);
    expect(lines).toHaveLength(TYPE_ERRORS_LISTED + 2);
    expect(lines.at(-1)?.text).toBe("… and 4 more.");
  });
});
