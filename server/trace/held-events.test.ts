import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { TraceProcessor } from "./trace-processor.js";

const MAX_HELD = 10_000;

describe("events held behind an unmatched receive", () => {
  it("stay bounded: 150,000 events behind one receive go out in order, none lost, without a stack overflow", () => {
    const processor = new TraceProcessor(MAX_HELD);
    const recv: TraceEvent = { type: "message/recv", t: 0, socket: "s1", kind: "PULL", seq: 1, fp: "deadbeef", frames: [{ size: 1, preview: "x" }] };
    let released = processor.process([recv], 0).length;
    let largestHeld = 0;
    for (let batch = 0; batch < 300; batch++) {
      const events: TraceEvent[] = Array.from({ length: 500 }, (_, i) => ({ type: "socket/option", t: 0, socket: "s1", kind: "PULL", name: "linger", value: batch * 500 + i }));
      released += processor.process(events, 0).filter((e) => e.type !== "diagnostic").length;
      largestHeld = Math.max(largestHeld, 1 + (batch + 1) * 500 - released);
    }
    released += processor.finish({}, 0).filter((e) => e.type !== "diagnostic").length;
    expect(released).toBe(150_001);
    expect(largestHeld).toBeLessThanOrEqual(MAX_HELD + 500);
  });
});
