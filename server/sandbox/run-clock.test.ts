import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import type { RunnerProcessEvents, RunnerProcess } from "./runner-process.js";
import { DEFAULT_LIMITS } from "./limits.js";
import { Run } from "./run.js";
import { appendAll } from "../util/append-all.js";

/** The runner process seen from a Run: its start-up is simulated, so the clock can be checked exactly. */
class SlowStartingRunner extends EventEmitter<RunnerProcessEvents> {
  isReady = false;
  sent: unknown[] = [];
  rejectedLines = 0;
  controlDropped = 0;
  send(message: unknown): void {
    this.sent.push(message);
  }
  sendJob(message: unknown): void {
    this.sent.push(message);
  }
  kill(): void {}
}

const STARTUP_MS = 2_000;

describe("a run's clock", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["performance", "setTimeout", "setInterval", "clearTimeout", "clearInterval"] }));
  afterEach(() => vi.useRealTimers());

  it("starts when the job reaches the runner, not when its sandbox was spawned", async () => {
    const proc = new SlowStartingRunner();
    const events: TraceEvent[] = [];
    const run = new Run(proc as unknown as RunnerProcess, { runId: "r", entry: "main.js", files: {}, wallMs: 10_000 }, { ...DEFAULT_LIMITS }, (batch) =>
      appendAll(events, batch),
    );
    await vi.advanceTimersByTimeAsync(STARTUP_MS); // a cold sandbox under load
    proc.isReady = true;
    proc.emit("ready");
    expect(proc.sent).toHaveLength(1);
    // The program connects at 5 ms and binds at 150 ms of its own time: within the grace, nothing to say.
    await vi.advanceTimersByTimeAsync(5);
    proc.emit(
      "message",
      {
        type: "events",
        events: [
          { type: "socket/open", t: 1, socket: "s1", kind: "PUSH", label: "PUSH", thread: 0 },
          { type: "socket/connect", t: 5, socket: "s1", kind: "PUSH", endpoint: "tcp://127.0.0.1:5555" },
        ],
      },
      100,
    );
    proc.emit("stdout", Buffer.from("hello\n"));
    await vi.advanceTimersByTimeAsync(145);
    proc.emit(
      "message",
      {
        type: "events",
        events: [
          { type: "socket/open", t: 140, socket: "s2", kind: "PULL", label: "PULL", thread: 0 },
          { type: "socket/bind", t: 150, socket: "s2", kind: "PULL", endpoint: "tcp://127.0.0.1:5555" },
        ],
      },
      100,
    );
    await vi.advanceTimersByTimeAsync(1_390);
    proc.emit("exit", 0, null, undefined);
    const exit = await run.done;
    expect(events.filter((e) => e.type === "diagnostic")).toEqual([]);
    expect(events.find((e) => e.type === "console")?.t).toBe(5);
    expect(exit.t).toBe(1_540);
  });
});
