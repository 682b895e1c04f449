import { describe, expect, it } from "vitest";
import { FrameBatch, type Scheduler } from "./frameBatch.js";

/** A scheduler the test drives: `tick()` runs what is due, as a frame would. */
function manualScheduler() {
  let due: Array<() => void> = [];
  const schedule: Scheduler = (run) => {
    due.push(run);
    return () => {
      due = due.filter((r) => r !== run);
    };
  };
  return {
    schedule,
    pending: () => due.length,
    tick: () => {
      const now = due;
      due = [];
      for (const run of now) run();
    },
  };
}

describe("FrameBatch", () => {
  it("hands over everything pushed before a frame as one batch, in order", () => {
    const s = manualScheduler();
    const got: number[][] = [];
    const batch = new FrameBatch<number>((items) => got.push(items), s.schedule);
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(s.pending()).toBe(1);
    expect(got).toEqual([]);
    s.tick();
    expect(got).toEqual([[1, 2, 3]]);
    batch.push(4);
    s.tick();
    expect(got).toEqual([[1, 2, 3], [4]]);
  });

  it("flush hands over at once and cancels the frame; an empty flush hands over nothing", () => {
    const s = manualScheduler();
    const got: string[][] = [];
    const batch = new FrameBatch<string>((items) => got.push(items), s.schedule);
    batch.flush();
    batch.push("a");
    batch.flush();
    expect(got).toEqual([["a"]]);
    expect(s.pending()).toBe(0);
    s.tick();
    expect(got).toEqual([["a"]]);
  });

  it("destroy drops what waits and delivers nothing later", () => {
    const s = manualScheduler();
    const got: number[][] = [];
    const batch = new FrameBatch<number>((items) => got.push(items), s.schedule);
    batch.push(1);
    batch.destroy();
    s.tick();
    expect(got).toEqual([]);
  });
});
