import { describe, expect, it } from "vitest";
import { messageBytes, summarizeFrame, summarizeMessage } from "./frames.js";

describe("frame summaries", () => {
  it("measures strings in UTF-8 bytes and typed arrays by their view", () => {
    expect(messageBytes("héllo")).toBe(6);
    expect(messageBytes([new Uint16Array(4), new ArrayBuffer(3), null])).toBe(11);
    const big = new Uint8Array(100);
    expect(messageBytes(big.subarray(10, 20))).toBe(10);
  });

  it("previews printable text and cuts it at 64 characters", () => {
    expect(summarizeFrame("hello")).toEqual({ size: 5, preview: "hello", head: "aGVsbG8=" });
    expect(summarizeFrame("x".repeat(100)).preview).toBe(`${"x".repeat(64)}…`);
    expect(summarizeFrame("ünïcødé").preview).toBe("ünïcødé");
  });

  it("shows binary data as hex", () => {
    expect(summarizeFrame(Buffer.from([0, 1, 0xfe])).preview).toBe("0001fe");
    expect(summarizeFrame(Buffer.alloc(40)).preview).toBe(`${"00".repeat(32)}…`);
  });

  it("keeps a head of at most 256 bytes from the frame's own view", () => {
    const backing = Buffer.alloc(1000, 7);
    backing[500] = 9;
    const frame = summarizeFrame(backing.subarray(500));
    expect(frame.size).toBe(500);
    const head = Buffer.from(frame.head!, "base64");
    expect(head).toHaveLength(256);
    expect(head[0]).toBe(9);
  });

  it("does not show a multi-byte character split at the head's end as garbage", () => {
    const text = `${"z".repeat(255)}éb`;
    expect(summarizeFrame(text).preview).toBe(`${"z".repeat(64)}…`);
  });

  it("marks routing identities and delimiters", () => {
    const routed = summarizeMessage([Buffer.from("id"), Buffer.alloc(0), "body"], "identity").frames;
    expect(routed.map((f) => f.envelope)).toEqual(["identity", "delimiter", undefined]);
    const dealt = summarizeMessage(["", "body"], "delimiter-only").frames;
    expect(dealt.map((f) => f.envelope)).toEqual(["delimiter", undefined]);
    expect(summarizeMessage(["", "x"], "none").frames.map((f) => f.envelope)).toEqual([undefined, undefined]);
  });

  it("lists the first frames of a 20,000-frame message and counts the rest", () => {
    const summary = summarizeMessage(
      Array.from({ length: 20_000 }, (_, i) => `frame ${i}`),
      "none",
    );
    expect(summary.frames).toHaveLength(64);
    expect(summary.moreFrames).toBe(20_000 - 64);
    expect(summarizeMessage(["a", "b"], "none").moreFrames).toBeUndefined();
  });
});
