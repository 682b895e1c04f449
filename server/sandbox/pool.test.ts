import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BACKOFF_FIRST_MS, BACKOFF_MAX_MS, WarmPool } from "./pool.js";

class FakeProcess extends EventEmitter {
  isReady = false;
  stderrTail = "";
  constructor(readonly slot: number) {
    super();
  }
  kill(): void {
    this.emit("exit", null, "SIGKILL");
  }
  crash(): void {
    this.stderrTail = "Error: Cannot find module runner.mjs\n";
    this.emit("exit", 1, null);
  }
  becomeReady(): void {
    this.isReady = true;
    this.emit("ready");
  }
}

describe("WarmPool", () => {
  let started: FakeProcess[];
  let pool: WarmPool<FakeProcess>;
  beforeEach(() => {
    vi.useFakeTimers();
    started = [];
    pool = new WarmPool(
      (slot) => {
        const p = new FakeProcess(slot);
        started.push(p);
        return p;
      },
      2,
      4,
    );
  });
  afterEach(() => vi.useRealTimers());

  it("keeps its size and hands out a ready process first, each on its own slot", async () => {
    pool.fill();
    expect(started.map((p) => p.slot)).toEqual([0, 1]);
    started[1].becomeReady();
    expect(pool.take()).toBe(started[1]);
    await Promise.resolve();
    expect(started.length).toBe(3);
    expect(new Set(started.map((p) => p.slot)).size).toBe(3);
  });

  it("backs off exponentially while runners die before use, and says why", async () => {
    pool.fill();
    started[0].crash();
    expect(pool.backingOff).toBe(true);
    expect(pool.lastFailure).toContain("Cannot find module");
    expect(started.length).toBe(2);
    started[1].crash();
    await vi.advanceTimersByTimeAsync(BACKOFF_FIRST_MS);
    expect(started.length).toBe(2); // the second failure doubled the wait
    await vi.advanceTimersByTimeAsync(BACKOFF_FIRST_MS);
    expect(started.length).toBe(4);
    for (let i = 0; i < 20; i++) {
      started.at(-1)!.crash();
      await vi.advanceTimersByTimeAsync(BACKOFF_MAX_MS);
    }
    expect(started.length).toBeLessThan(50); // capped at one start per 30 s, not a spin
  });

  it("forgets the failures once a runner becomes ready", async () => {
    pool.fill();
    started[0].crash();
    await vi.advanceTimersByTimeAsync(BACKOFF_FIRST_MS);
    started.at(-1)!.becomeReady();
    expect(pool.lastFailure).toBeUndefined();
  });

  it("kills warm processes on close and starts no more", async () => {
    pool.fill();
    await pool.close();
    pool.fill();
    expect(started.length).toBe(2);
  });
});
