import { describe, expect, it } from "vitest";
import type { Lesson } from "../../../protocol/lessons.js";
import { isOwnCode, keepOwnCode, keepSolutionShown, loadOwnCode, loadSolutionShown, ownCodeKey } from "./ownCode.js";

const lesson = { id: "hello", entry: "main.ts", starter: { "main.ts": "// start" }, solution: { "main.ts": "// solved" } } as unknown as Lesson;

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe("the learner's own lesson code", () => {
  it("is neither the starter nor the solution that Show solution put in the editor", () => {
    expect(isOwnCode(lesson, { "main.ts": "// start" }, false)).toBe(false);
    expect(isOwnCode(lesson, { "main.ts": "// solved" }, true)).toBe(false);
    expect(isOwnCode(lesson, { "main.ts": "// mine" }, true)).toBe(true);
    expect(isOwnCode(lesson, { "main.ts": "// start", "extra.ts": "" }, false)).toBe(true);
  });

  it("is the learner's even when it matches the solution, as long as the learner wrote it", () => {
    expect(isOwnCode(lesson, { "main.ts": "// solved" }, false)).toBe(true);
  });

  it("remembers across reloads that the solution was shown, until it is put away", () => {
    const storage = memoryStorage();
    expect(loadSolutionShown(storage, "hello")).toBe(false);
    keepSolutionShown(storage, "hello", true);
    expect(loadSolutionShown(storage, "hello")).toBe(true);
    expect(loadSolutionShown(storage, "other")).toBe(false);
    keepSolutionShown(storage, "hello", false);
    expect(loadSolutionShown(storage, "hello")).toBe(false);
  });

  it("is kept under its own key and comes back unchanged", () => {
    const storage = memoryStorage();
    keepOwnCode(storage, lesson, { "main.ts": "// mine" });
    expect([...storage.items.keys()]).toEqual([ownCodeKey("hello")]);
    expect(loadOwnCode(storage, "hello")).toEqual({ "main.ts": "// mine" });
    expect(loadOwnCode(storage, "other")).toBeNull();
  });
});
