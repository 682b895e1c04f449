import { describe, expect, it } from "vitest";
import { frameViews, hexOf } from "./frames.js";

const b64 = (text: string) => btoa(text);

describe("frameViews", () => {
  it("shows a whole UTF-8 frame as hex, text and JSON", () => {
    const v = frameViews({ size: 9, preview: '{"a":[1]}', head: b64('{"a":[1]}') });
    expect(v.complete).toBe(true);
    expect(v.hex.startsWith("7b 22 61")).toBe(true);
    expect(v.utf8).toBe('{"a":[1]}');
    expect(v.json).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it("does not claim JSON for a truncated head", () => {
    const v = frameViews({ size: 1000, preview: '{"a":1', head: b64('{"a":1}') });
    expect(v.complete).toBe(false);
    expect(v.json).toBeNull();
  });

  it("has no UTF-8 view for binary bytes", () => {
    const v = frameViews({ size: 2, preview: "ff fe", head: btoa(String.fromCharCode(0xff, 0xfe)) });
    expect(v.utf8).toBeNull();
    expect(v.hex).toBe("ff fe");
  });

  it("falls back to the preview when the trace has no head", () => {
    const v = frameViews({ size: 5, preview: "World" });
    expect([v.complete, v.utf8, v.hex]).toEqual([true, "World", "57 6f 72 6c 64"]);
  });

  it("formats hex with two digits per byte", () => {
    expect(hexOf(Uint8Array.of(0, 10, 255))).toBe("00 0a ff");
  });
});
