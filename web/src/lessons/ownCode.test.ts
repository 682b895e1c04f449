import { describe, expect, it } from "vitest";
import type { Lesson } from "../../../protocol/lessons.js";
import { isOwnCode, keepOwnCode, loadOwnCode, ownCodeKey } from "./ownCode.js";

const lesson = { id: "hello", entry: "main.ts", starter: { "main.ts": "// start" }, solution: { "main.ts": "// solved" } } as unknown as Lesson;

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe("the learner's own lesson code", () => {
  it("is neither the starter nor the solution", () => {
    expect(isOwnCode(lesson, { "main.ts": "// start" })).toBe(false);
    expect(isOwnCode(lesson, { "main.ts": "// solved" })).toBe(false);
    expect(isOwnCode(lesson, { "main.ts": "// mine" })).toBe(true);
    expect(isOwnCode(lesson, { "main.ts": "// start", "extra.ts": "" })).toBe(true);
  });

  it("is kept under its own key and comes back unchanged", () => {
    const storage = memoryStorage();
    keepOwnCode(storage, lesson, { "main.ts": "// mine" });
    expect([...storage.items.keys()]).toEqual([ownCodeKey("hello")]);
    expect(loadOwnCode(storage, "hello")).toEqual({ "main.ts": "// mine" });
    expect(loadOwnCode(storage, "other")).toBeNull();
  });
});
