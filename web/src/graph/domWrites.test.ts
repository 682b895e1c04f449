import { describe, expect, it } from "vitest";
import { setAttr, setClass, setText } from "./domWrites.js";

/** The part of an Element the writes use, counting the writes that reach it. */
function fakeElement() {
  const attrs = new Map<string, string>();
  let text = "";
  const writes: string[] = [];
  const classes = new Set<string>();
  const el = {
    classList: {
      contains: (c: string) => classes.has(c),
      toggle: (c: string, on: boolean) => (writes.push(`class ${c}`), on ? classes.add(c) : classes.delete(c), on),
    },
    getAttribute: (n: string) => attrs.get(n) ?? null,
    hasAttribute: (n: string) => attrs.has(n),
    setAttribute: (n: string, v: string) => (writes.push(`set ${n}`), attrs.set(n, v)),
    removeAttribute: (n: string) => (writes.push(`remove ${n}`), attrs.delete(n)),
    get textContent() {
      return text;
    },
    set textContent(v: string) {
      writes.push("text");
      text = v;
    },
  };
  return { el: el as unknown as Element, writes };
}

describe("DOM writes that skip when nothing changed", () => {
  it("writes an attribute only when it differs, and removes it for null only when present", () => {
    const { el, writes } = fakeElement();
    setAttr(el, "data-kind", "REQ");
    setAttr(el, "data-kind", "REQ");
    setAttr(el, "data-kind", "REP");
    setAttr(el, "data-kind", null);
    setAttr(el, "data-kind", null);
    expect(writes).toEqual(["set data-kind", "set data-kind", "remove data-kind"]);
    expect(el.hasAttribute("data-kind")).toBe(false);
  });

  it("writes a class only when it is to be added or removed", () => {
    const { el, writes } = fakeElement();
    setClass(el, "closed", false);
    setClass(el, "closed", true);
    setClass(el, "closed", true);
    setClass(el, "closed", false);
    expect(writes).toEqual(["class closed", "class closed"]);
  });

  it("writes text only when it differs", () => {
    const { el, writes } = fakeElement();
    setText(el, "12 sent");
    setText(el, "12 sent");
    setText(el, "13 sent");
    expect(writes).toEqual(["text", "text"]);
    expect(el.textContent).toBe("13 sent");
  });
});
