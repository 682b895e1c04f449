import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadFiles } from "./load-files.js";

describe("loadFiles", () => {
  it("names files relative to the folder they share, keeping subfolders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zmq-wb-load-"));
    mkdirSync(join(dir, "workbench"));
    writeFileSync(join(dir, "main.ts"), "main");
    writeFileSync(join(dir, "workbench", "control.ts"), "control");
    expect(await loadFiles([join(dir, "main.ts"), join(dir, "workbench/control.ts")])).toEqual({ "main.ts": "main", "workbench/control.ts": "control" });
    expect(await loadFiles([join(dir, "workbench/control.ts")])).toEqual({ "control.ts": "control" });
  });
});
