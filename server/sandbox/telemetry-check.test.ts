import { describe, expect, it } from "vitest";
import { validEvents, validTotals } from "./telemetry-check.js";

const open = { type: "socket/open", t: 1, socket: "s1", kind: "PUSH", label: "PUSH main.ts:1", thread: 0 };

describe("telemetry from the runner", () => {
  it("keeps well-formed events and drops malformed or supervisor-only ones", () => {
    const events = [
      open,
      { ...open, kind: "NOPE" },
      { type: "run/exit", t: 1, reason: "ok", code: 0, message: "fake", totals: {} },
      null,
      42,
      { type: "no/such" },
    ];
    expect(validEvents(events)).toEqual([open]);
    expect(validEvents("not an array")).toEqual([]);
  });

  it("keeps every event of a large well-formed batch", () => {
    const flood = Array.from({ length: 100_000 }, (_, i) => ({
      type: "message/send",
      t: i,
      socket: "s1",
      kind: "PUSH",
      seq: i,
      frames: [{ size: 5, preview: "hello" }],
    }));
    expect(validEvents(flood).length).toBe(100_000);
  });

  it("keeps totals well-formed, capped, and a __proto__ socket a plain key", () => {
    const totals = JSON.parse('{"__proto__":{"sent":1,"received":2},"s1":{"sent":3,"received":4},"s2":{"sent":"x"}}');
    const kept = validTotals(totals, 10);
    expect(Object.keys(kept).sort()).toEqual(["__proto__", "s1"]);
    expect(({} as Record<string, unknown>).sent).toBeUndefined();
    expect(Object.keys(validTotals({ a: { sent: 0, received: 0 }, b: { sent: 0, received: 0 } }, 1))).toEqual(["a"]);
  });
});
