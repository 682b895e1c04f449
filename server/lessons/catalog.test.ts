import { describe, expect, it } from "vitest";
import { LessonCatalog } from "./catalog.js";

const catalog = new LessonCatalog(new URL("../../lessons", import.meta.url).pathname);

describe("LessonCatalog", () => {
  it("never hands out a lesson's cheats or alternatives, only its starter, solution and goal", () => {
    const lesson = catalog.get("hello-req-rep")!;
    expect(Object.keys(lesson)).not.toContain("variants");
    expect(Object.keys(lesson)).not.toContain("checkPath");
    expect(lesson.goal?.sockets.map((s) => s.kind)).toEqual(["REQ", "REP"]);
    expect(JSON.stringify(lesson)).not.toContain("cheats/");
  });

  it("keeps every lesson's proof for check:lessons: two alternatives and two cheats naming an assertion each", () => {
    for (const { id } of catalog.list()) {
      const variants = catalog.variants(id);
      expect(variants.filter((v) => v.kind === "alternative").length, id).toBeGreaterThanOrEqual(2);
      const cheats = variants.filter((v) => v.kind === "cheat");
      expect(cheats.length, id).toBeGreaterThanOrEqual(2);
      expect(
        cheats.every((c) => (c.fails ?? "").length > 0),
        id,
      ).toBe(true);
    }
  });

  it("has at least 26 lessons, three or more linked to a scenario", () => {
    expect(catalog.list().length).toBeGreaterThanOrEqual(26);
    expect(catalog.list().filter((l) => l.scenario).length).toBeGreaterThanOrEqual(3);
  });
});
