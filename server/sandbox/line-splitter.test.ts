import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.js";

const text = (lines: Buffer[]) => lines.map((l) => l.toString("utf8"));

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
    expect(text(splitter.push(Buffer.from("x".repeat(11))))).toEqual([]);
    expect(splitter.tooLong).toBe(1);
    expect(text(splitter.push(Buffer.from("xxxx")))).toEqual([]);
    expect(text(splitter.push(Buffer.from("xx\nok\n")))).toEqual(["ok"]);
    expect(splitter.tooLong).toBe(1);
  });

  it("keeps the good lines of a chunk that also holds one over the cap", () => {
    const splitter = new LineSplitter(10);
    expect(text(splitter.push(Buffer.from(`a\n${"y".repeat(20)}\nb\n`)))).toEqual(["a", "b"]);
    expect(splitter.tooLong).toBe(1);
  });
});
