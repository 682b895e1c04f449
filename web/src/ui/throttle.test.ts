import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Throttle } from "./throttle.js";

describe("Throttle", () => {
  let passed: number[];
  let throttle: Throttle<number>;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    passed = [];
    throttle = new Throttle<number>(250, (v) => passed.push(v));
  });
  afterEach(() => vi.useRealTimers());

  it("passes the first value at once, then at most one per interval, always ending on the latest", () => {
    throttle.offer(1);
    throttle.offer(2);
    throttle.offer(3);
    expect(passed).toEqual([1]);
    vi.advanceTimersByTime(249);
    expect(passed).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(passed).toEqual([1, 3]);
    throttle.offer(4);
    expect(passed).toEqual([1, 3]);
    vi.advanceTimersByTime(250);
    expect(passed).toEqual([1, 3, 4]);
  });

  it("passes a value at once after a quiet interval", () => {
    throttle.offer(1);
    vi.advanceTimersByTime(1000);
    throttle.offer(2);
    expect(passed).toEqual([1, 2]);
  });

  it("passes nothing more once cancelled", () => {
    throttle.offer(1);
    throttle.offer(2);
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(passed).toEqual([1]);
  });
});
