import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { MessageAttributor } from "./attribute.js";
import { LinkModel } from "./link-model.js";
import { DEFAULT_LIMITS } from "../sandbox/limits.js";

const MAX_HELD = DEFAULT_LIMITS.TRACE_HELD_EVENTS;

describe("events held behind an unmatched receive", () => {
  it("stay bounded: 150,000 events behind one receive go out in order, none lost, without a stack overflow", () => {
    const attributor = new MessageAttributor(new LinkModel(), MAX_HELD);
    const recv: TraceEvent = { type: "message/recv", t: 0, socket: "s1", kind: "PULL", seq: 1, fp: "deadbeef", frames: [{ size: 1, preview: "x" }] };
    const released: TraceEvent[] = attributor.push([recv], 0);
    let largestHeld = 0;
    for (let batch = 0; batch < 300; batch++) {
      const events: TraceEvent[] = Array.from({ length: 500 }, (_, i) => ({
        type: "socket/option",
        t: 0,
        socket: "s1",
        kind: "PULL",
        name: "linger",
        value: batch * 500 + i,
      }));
      for (const e of attributor.push(events, 0)) released.push(e);
      largestHeld = Math.max(largestHeld, 1 + (batch + 1) * 500 - released.length);
    }
    for (const e of attributor.flush()) released.push(e);
    expect(released).toHaveLength(150_001);
    expect(released[0]).toBe(recv);
    expect(released.map((e) => (e.type === "socket/option" ? e.value : -1))).toEqual([-1, ...Array.from({ length: 150_000 }, (_, i) => i)]);
    expect(largestHeld).toBeLessThanOrEqual(MAX_HELD + 500);
  });
});
