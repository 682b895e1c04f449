import { describe, expect, it } from "vitest";
import { firstLocation, splitLocations } from "./locations.js";

describe("splitLocations", () => {
  it("links locations in the program's files and leaves others plain", () => {
    const parts = splitLocations("    at <anonymous> (main.ts:9:8) from node:internal/x.js:1:2", ["main.ts"]);
    expect(parts).toEqual([
      { text: "    at <anonymous> (" },
      { text: "main.ts:9:8", location: { file: "main.ts", line: 9, column: 8 } },
      { text: ") from node:internal/x.js:1:2" },
    ]);
  });

  it("reads a socket label's site without a column", () => {
    expect(firstLocation("REQ lib/client.ts:4", ["lib/client.ts"])).toEqual({ file: "lib/client.ts", line: 4, column: 1 });
    expect(firstLocation("nothing here", ["main.ts"])).toBeUndefined();
  });
});

describe("runProblems", () => {
  it("marks the first program frame with the error sentence", async () => {
    const { runProblems } = await import("./problems.js");
    const lines = [
      { id: 0, stream: "stdout" as const, text: "hi" },
      { id: 1, stream: "stderr" as const, text: "Error: Invalid argument" },
      { id: 2, stream: "stderr" as const, text: "    at connect (node_modules/zeromq/lib/index.js:1:1)" },
      { id: 3, stream: "stderr" as const, text: "    at <anonymous> (main.ts:9:8)" },
    ];
    expect(runProblems(lines, ["main.ts"])).toEqual([{ location: { file: "main.ts", line: 9, column: 8 }, message: "Error: Invalid argument" }]);
    expect(runProblems(lines.slice(0, 1), ["main.ts"])).toEqual([]);
  });
});
