import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadLessons } from "./loader.js";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

const FRONT = `---
title: A lesson
summary: Something worth learning here.
objectives: [one]
minutes: 5
hints: [try harder]
---
Body text.`;

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "zmq-wb-lessons-"));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const good = (overrides: Record<string, string | undefined> = {}) => {
  const files: Record<string, string | undefined> = {
    "01-basics/README.md": "---\ntitle: Basics\n---\n",
    "01-basics/01-first/README.md": FRONT,
    "01-basics/01-first/starter/main.ts": "// start",
    "01-basics/01-first/solution/main.ts": "// solved",
    "01-basics/01-first/check.ts": "export default () => [];",
    "01-basics/02-second/README.md": FRONT,
    "01-basics/02-second/starter/main.ts": "// start",
    "01-basics/02-second/starter/lib.ts": "// unchanged",
    "01-basics/02-second/solution/main.ts": "// solved",
    "01-basics/02-second/check.ts": "export default () => [];",
    ...overrides,
  };
  return tree(Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined)));
};

describe("loadLessons", () => {
  it("orders lessons by folder name, takes ids from the names and links each to the next", () => {
    const lessons = loadLessons(good());
    expect(lessons.map((l) => [l.id, l.number, l.part, l.next])).toEqual([
      ["first", 1, "Basics", "second"],
      ["second", 2, "Basics", undefined],
    ]);
  });

  it("overlays the solution on the starter: only what changes is in solution/", () => {
    const [, second] = loadLessons(good());
    expect(second.solution).toEqual({ "main.ts": "// solved", "lib.ts": "// unchanged" });
  });

  it.each([
    ["a missing check", { "01-basics/01-first/check.ts": undefined }, /01-first\/check\.ts: missing file/],
    ["a missing starter", { "01-basics/01-first/starter/main.ts": undefined }, /01-first\/starter: missing folder/],
    ["an unknown front matter key", { "01-basics/01-first/README.md": FRONT.replace("minutes: 5", "minutes: 5\ncolour: red") }, /README\.md: front matter/],
    ["a missing title", { "01-basics/01-first/README.md": FRONT.replace("title: A lesson\n", "") }, /README\.md: front matter/],
    ["a solution identical to its starter", { "01-basics/01-first/solution/main.ts": "// start" }, /identical to the starter/],
    ["an unnumbered folder", { "01-basics/intro/README.md": FRONT }, /"intro" is not a numbered folder/],
    ["a part without README", { "01-basics/README.md": undefined }, /01-basics\/README\.md: missing file/],
    [
      "a cheat that names no assertion",
      { "01-basics/01-first/cheats/canned/README.md": "---\nabout: Replies without asking.\n---\n", "01-basics/01-first/cheats/canned/main.ts": "// fake" },
      /cheats\/canned\/README\.md: front matter \/fails/,
    ],
    ["a variant without README", { "01-basics/01-first/alternatives/other/main.ts": "// other" }, /alternatives\/other\/README\.md: missing file/],
    [
      "a variant identical to the starter",
      {
        "01-basics/01-first/alternatives/same/README.md": "---\nabout: Nothing changed here.\n---\n",
        "01-basics/01-first/alternatives/same/main.ts": "// start",
      },
      /alternatives\/same: identical to the starter/,
    ],
    [
      "a scenario that does not exist",
      { "01-basics/01-first/README.md": FRONT.replace("minutes: 5", "minutes: 5\nscenario: no-such-demo") },
      /scenario "no-such-demo" is not a file in scenarios/,
    ],
    [
      "a goal link to an unknown socket",
      { "01-basics/01-first/README.md": FRONT.replace("minutes: 5", "minutes: 5\ngoal: { sockets: [{ id: a, kind: REQ }], links: [{ from: a, to: b }] }") },
      /goal link names "b"/,
    ],
    ["an entry that is not a file", { "01-basics/01-first/README.md": FRONT.replace("minutes: 5", "minutes: 5\nentry: app.ts") }, /entry file "app\.ts"/],
  ])("fails loudly on %s, naming the file", (_what, overrides, message) => {
    expect(() => loadLessons(good(overrides))).toThrow(message);
  });

  it("lays alternatives and cheats over the starter and keeps what each must prove", () => {
    const [first] = loadLessons(
      good({
        "01-basics/01-first/alternatives/other/README.md": "---\nabout: Another port, another loop.\n---\n",
        "01-basics/01-first/alternatives/other/main.ts": "// other",
        "01-basics/01-first/cheats/canned/README.md": "---\nabout: Replies without asking.\nfails: Replies answer requests\n---\n",
        "01-basics/01-first/cheats/canned/main.ts": "// fake",
      }),
    );
    expect(first.variants).toEqual([
      { kind: "alternative", name: "other", about: "Another port, another loop.", files: { "main.ts": "// other" } },
      { kind: "cheat", name: "canned", about: "Replies without asking.", fails: "Replies answer requests", files: { "main.ts": "// fake" } },
    ]);
  });

  it("rejects two lessons with the same id", () => {
    const root = good({
      "02-more/README.md": "---\ntitle: More\n---\n",
      "02-more/01-first/README.md": FRONT,
      "02-more/01-first/starter/main.ts": "a",
      "02-more/01-first/solution/main.ts": "b",
      "02-more/01-first/check.ts": "",
    });
    expect(() => loadLessons(root)).toThrow(/two lessons have the id "first"/);
  });

  it("loads the real curriculum without errors", () => {
    const lessons = loadLessons(new URL("../../lessons", import.meta.url).pathname);
    expect(lessons.length).toBeGreaterThan(0);
  });
});
