import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, safeHref } from "./markdown.js";

describe("markdown blocks", () => {
  it("reads headings, paragraphs joined across lines, and rules", () => {
    expect(parseMarkdown("## Your task\n\nOne line\nand the next.\n\n---")).toEqual([
      { type: "heading", level: 2, children: [{ type: "text", text: "Your task" }] },
      { type: "paragraph", children: [{ type: "text", text: "One line and the next." }] },
      { type: "rule" },
    ]);
  });

  it("keeps fenced code and ASCII diagrams verbatim, spaces included", () => {
    const diagram = '  REQ  ── "Hello" ──▶  REP\n       ◀── **World** ──';
    expect(parseMarkdown(`Text\n\`\`\`\n${diagram}\n\`\`\`\n\`\`\`ts\nconst a = 1;\n\`\`\``)).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "Text" }] },
      { type: "code", lang: "", text: diagram },
      { type: "code", lang: "ts", text: "const a = 1;" },
    ]);
  });

  it("reads lists with continuation lines", () => {
    expect(parseMarkdown("- one\n  more\n- two\n\n1. first\n2. second")).toEqual([
      { type: "list", ordered: false, items: [[{ type: "text", text: "one more" }], [{ type: "text", text: "two" }]] },
      { type: "list", ordered: true, items: [[{ type: "text", text: "first" }], [{ type: "text", text: "second" }]] },
    ]);
  });

  it("reads tables", () => {
    const [table] = parseMarkdown("| socket | pattern |\n|---|---|\n| `REQ` | request-reply |");
    expect(table).toEqual({
      type: "table",
      head: [[{ type: "text", text: "socket" }], [{ type: "text", text: "pattern" }]],
      rows: [[[{ type: "code", text: "REQ" }], [{ type: "text", text: "request-reply" }]]],
    });
  });

  it("reads block quotes as nested blocks", () => {
    expect(parseMarkdown("> note\n> more")).toEqual([{ type: "quote", children: [{ type: "paragraph", children: [{ type: "text", text: "note more" }] }] }]);
  });
});

describe("markdown inline", () => {
  it("reads emphasis, code and links", () => {
    expect(parseInline("**REP** *binds* `send()` [guide](https://zguide.zeromq.org/)")).toEqual([
      { type: "strong", children: [{ type: "text", text: "REP" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "binds" }] },
      { type: "text", text: " " },
      { type: "code", text: "send()" },
      { type: "text", text: " " },
      { type: "link", href: "https://zguide.zeromq.org/", children: [{ type: "text", text: "guide" }] },
    ]);
  });

  it("leaves snake_case words and lone stars alone", () => {
    expect(parseInline("max_old_space and 2 * 3 * 4")).toEqual([{ type: "text", text: "max_old_space and 2 * 3 * 4" }]);
  });

  it("reads escapes and balanced parentheses in links as CommonMark does", () => {
    expect(parseInline("a\\*b [ref](/lessons/a_(b))")).toEqual([
      { type: "text", text: "a*b " },
      { type: "link", href: "/lessons/a_(b)", children: [{ type: "text", text: "ref" }] },
    ]);
  });

  it("keeps markup inside code spans literal", () => {
    expect(parseInline("`a **b** <i>`")).toEqual([{ type: "code", text: "a **b** <i>" }]);
  });

  it("turns unsafe links into plain text and keeps HTML as text", () => {
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ type: "text", text: "x" }]);
    expect(parseInline("[x](javascript:alert)")).toEqual([{ type: "text", text: "x" }]);
    expect(parseInline("<img src=x onerror=alert(1)>")).toEqual([{ type: "text", text: "<img src=x onerror=alert(1)>" }]);
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("/lessons/topics")).toBe("/lessons/topics");
  });
});
