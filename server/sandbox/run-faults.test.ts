import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { DEFAULT_LIMITS } from "./limits.js";
import { Run } from "./run.js";
import { appendAll } from "../util/append-all.js";
import type { RunnerProcess, RunnerProcessEvents } from "./runner-process.js";

/** The parts of a runner process a Run uses, without a process: the test plays the runner. */
class FakeRunner extends EventEmitter<RunnerProcessEvents> {
  isReady = true;
  rejectedLines = { unsigned: 0, malformed: 0 };
  controlDropped = 0;
  sendJob(): void {}
  sendControl(): void {}
  kill(): void {
    setImmediate(() => this.emit("exit", null, "SIGKILL", undefined));
  }
}

const open: TraceEvent = { type: "socket/open", t: 1, socket: "s1", kind: "PUSH", label: "PUSH main.ts:1", thread: 0 };

describe("a fault while handling one run's data", () => {
  it("ends that run with an internal-error verdict and leaves the process running", async () => {
    const runner = new FakeRunner();
    const sink = (events: TraceEvent[]) => {
      if (events.some((e) => e.type === "socket/open")) throw new RangeError("Maximum call stack size exceeded");
    };
    const run = new Run(runner as unknown as RunnerProcess, { runId: "r1", entry: "main.js", files: {}, wallMs: 10_000 }, { ...DEFAULT_LIMITS }, sink);
    runner.emit("message", { type: "events", events: [open] }, 100);
    const exit = await run.done;
    expect(exit.reason).toBe("error");
    expect(exit.message).toMatch(/fault of the workbench, not of your program/);
  });

  it("says how many lines the program forged, in the trace, without changing the verdict", async () => {
    const runner = new FakeRunner();
    runner.rejectedLines = { unsigned: 3, malformed: 1 };
    const events: TraceEvent[] = [];
    const run = new Run(runner as unknown as RunnerProcess, { runId: "r2", entry: "main.js", files: {}, wallMs: 10_000 }, { ...DEFAULT_LIMITS }, (batch) =>
      appendAll(events, batch),
    );
    runner.emit("exit", 0, null, undefined);
    const exit = await run.done;
    expect(exit.reason).toBe("ok");
    const codes = events.filter((e) => e.type === "diagnostic").map((e) => (e as { code: string }).code);
    expect(codes).toEqual(["forged-telemetry", "telemetry-rejected"]);
  });
});
