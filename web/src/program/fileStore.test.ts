import { describe, expect, it } from "vitest";
import { fileNameProblem, freshFileName } from "./fileNames.js";
import { loadWorkspace, saveWorkspace, storageKey } from "./fileStore.js";

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe("workspace storage", () => {
  it("round-trips files and the active tab", () => {
    const storage = memoryStorage();
    saveWorkspace(storage, storageKey(null), { files: { "main.ts": "a", "w.ts": "b" }, active: "w.ts" });
    expect(loadWorkspace(storage, storageKey(null))).toEqual({ files: { "main.ts": "a", "w.ts": "b" }, active: "w.ts" });
  });

  it("keeps a share's entry only while that file exists", () => {
    const storage = memoryStorage();
    saveWorkspace(storage, "k", { files: { "a.ts": "", "b.ts": "" }, active: "a.ts", entry: "b.ts" });
    expect(loadWorkspace(storage, "k")?.entry).toBe("b.ts");
    storage.setItem("k", JSON.stringify({ files: { "a.ts": "" }, active: "a.ts", entry: "b.ts" }));
    expect(loadWorkspace(storage, "k")).toEqual({ files: { "a.ts": "" }, active: "a.ts" });
  });

  it("keeps a share's edits apart from the playground", () => {
    expect(storageKey("abc12345")).not.toBe(storageKey(null));
  });

  it("treats broken or off-protocol data as nothing saved", () => {
    const storage = memoryStorage();
    storage.setItem("k", "{not json");
    expect(loadWorkspace(storage, "k")).toBeNull();
    storage.setItem("k", JSON.stringify({ files: { "../evil.ts": "x" } }));
    expect(loadWorkspace(storage, "k")).toBeNull();
  });

  it("falls back to the first file when the active one is gone", () => {
    const storage = memoryStorage();
    storage.setItem("k", JSON.stringify({ files: { "main.ts": "" }, active: "gone.ts" }));
    expect(loadWorkspace(storage, "k")?.active).toBe("main.ts");
  });
});

describe("file names", () => {
  it("rejects invalid and duplicate names", () => {
    expect(fileNameProblem("main.ts", ["main.ts"])).toMatch(/already/);
    expect(fileNameProblem("../x.ts", [])).toMatch(/not a valid/);
    expect(fileNameProblem("notes.txt", [])).toMatch(/not a valid/);
    expect(fileNameProblem("lib/util.ts", ["main.ts"])).toBeNull();
    expect(fileNameProblem("main.ts", ["main.ts"], "main.ts")).toBeNull();
  });

  it("picks a fresh name", () => {
    expect(freshFileName(["main.ts"])).toBe("worker.ts");
    expect(freshFileName(["main.ts", "worker.ts"])).toBe("worker2.ts");
  });
});
