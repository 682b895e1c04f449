import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_LIMITS } from "../server/limits.js";
import { DEFAULT_LIMITS } from "../server/sandbox/limits.js";
import { documentedTable, limitsTable } from "./limits-table.js";

describe("SECURITY.md's limits table", () => {
  it("is the one the limits modules generate (run npm run docs:limits after changing a limit)", () => {
    expect(documentedTable()).toBe(limitsTable());
  });

  it("names every limit with its variable and a reason", () => {
    const table = limitsTable();
    for (const key of [...Object.keys(DEFAULT_LIMITS), ...Object.keys(DEFAULT_SERVER_LIMITS)])
      expect(table).toMatch(new RegExp(`\\| \`WB_${key}\` \\| [^|]+ \\| \\S`));
  });
});
