import { describe, expect, it } from "vitest";
import { lessonFilesKey, PROGRESS_KEY, readProgress } from "./progress.js";
import { exportProgress, importProgress, parseProgressFile } from "./progressFile.js";

function memoryStorage(init: Record<string, string> = {}) {
  const map = new Map(Object.entries(init));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    key: (i: number) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
    map,
  };
}

const hello = { files: { "main.ts": "// mine" }, active: "main.ts", entry: "main.ts" };

describe("progress export and import", () => {
  it("exports solved lessons and each lesson's code, not the playground", () => {
    const storage = memoryStorage({
      [PROGRESS_KEY]: JSON.stringify({ solved: { "hello-req-rep": "2025-01-01T00:00:00.000Z" } }),
      [lessonFilesKey("hello-req-rep")]: JSON.stringify(hello),
      "zmq-workbench.files": JSON.stringify({ files: { "main.ts": "playground" }, active: "main.ts" }),
    });
    const file = exportProgress(storage, new Date("2025-02-02T00:00:00Z"));
    expect(file.solved).toEqual({ "hello-req-rep": "2025-01-01T00:00:00.000Z" });
    expect(file.code).toEqual({ "hello-req-rep": hello });
  });

  it("round-trips through a file into another browser, keeping what it had", () => {
    const from = memoryStorage({
      [PROGRESS_KEY]: JSON.stringify({ solved: { topics: "2025-01-02T00:00:00.000Z" } }),
      [lessonFilesKey("topics")]: JSON.stringify(hello),
    });
    const parsed = parseProgressFile(JSON.stringify(exportProgress(from)));
    if (!parsed.ok) throw new Error(parsed.error);
    const to = memoryStorage({ [PROGRESS_KEY]: JSON.stringify({ solved: { "lock-step": "2025-01-01T00:00:00.000Z" } }) });
    expect(importProgress(to, parsed.file)).toEqual({ solved: 1, code: ["topics"] });
    expect(Object.keys(readProgress(to).solved).sort()).toEqual(["lock-step", "topics"]);
    expect(JSON.parse(to.getItem(lessonFilesKey("topics")) ?? "null")).toEqual(hello);
  });

  it("refuses files that are not workbench progress, in a sentence", () => {
    expect(parseProgressFile("{oops")).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(parseProgressFile("{}")).toMatchObject({ ok: false, error: expect.stringMatching(/not workbench progress/) });
    expect(parseProgressFile(JSON.stringify({ format: "zmq-workbench-progress", version: 9 }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/version 9/),
    });
  });

  it("leaves out bad lesson ids and off-protocol code", () => {
    const parsed = parseProgressFile(
      JSON.stringify({
        format: "zmq-workbench-progress",
        version: 1,
        solved: { "../x": "now", ok: "2025-01-01", bad: 3 },
        code: { ok: { files: { "../evil.ts": "x" } }, "Bad Id": hello, fine: hello },
      }),
    );
    expect(parsed.ok && parsed.file.solved).toEqual({ ok: "2025-01-01" });
    expect(parsed.ok && Object.keys(parsed.file.code)).toEqual(["fine"]);
  });
});
