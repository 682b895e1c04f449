import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.js";

const text = (lines: Buffer[] | "too-long") => (lines === "too-long" ? lines : lines.map((l) => l.toString("utf8")));

describe("LineSplitter", () => {
  it("joins lines across chunks, even inside a multi-byte character", () => {
    const splitter = new LineSplitter(100);
    const bytes = Buffer.from('{"a":"é"}\n{"b":1}\n', "utf8");
    const cut = bytes.indexOf(0xa9); // the second byte of "é"
    expect(text(splitter.push(bytes.subarray(0, cut)))).toEqual([]);
    expect(text(splitter.push(bytes.subarray(cut)))).toEqual(['{"a":"é"}', '{"b":1}']);
  });

  it("reports a line over the cap once, drops it, and goes on with the next", () => {
    const splitter = new LineSplitter(10);
    expect(splitter.push(Buffer.from("x".repeat(11)))).toBe("too-long");
    expect(text(splitter.push(Buffer.from("xxxx")))).toEqual([]);
    expect(text(splitter.push(Buffer.from("xx\nok\n")))).toEqual(["ok"]);
  });
});
