import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import { initialRunState, reduceRun, type RunState } from "./runState.js";

const trace = (runId: string, events: TraceEvent[]) => ({ type: "server" as const, message: { type: "trace" as const, payload: { events }, meta: { runId } } });

function started(): RunState {
  return reduceRun(initialRunState, { type: "start", runId: "r1" });
}

describe("reduceRun", () => {
  it("moves from starting through queued and running to done with the verdict in the console", () => {
    let s = started();
    expect(s.status).toBe("starting");
    s = reduceRun(s, { type: "server", message: { type: "run/queued", payload: { position: 2 }, meta: { runId: "r1" } } });
    expect([s.status, s.queuePosition]).toEqual(["queued", 2]);
    s = reduceRun(
      s,
      trace("r1", [
        { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: ["main.ts"], sandbox: "none" },
        { type: "console", t: 1, stream: "stdout", text: "World\nWorld\n" },
        { type: "run/exit", t: 2, reason: "ok", code: 0, message: "The program ended normally.", totals: {} },
      ]),
    );
    expect(s.status).toBe("done");
    expect(s.console.map((l) => [l.stream, l.text])).toEqual([
      ["stdout", "World"],
      ["stdout", "World"],
      ["system", "The program ended normally."],
    ]);
  });

  it("takes a frame's server messages as one batch, the same as one by one, skipping another run's", () => {
    const messages = [
      trace("r1", [{ type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: ["main.ts"], sandbox: "none" }]).message,
      trace("r0", [{ type: "console", t: 1, stream: "stdout", text: "old" }]).message,
      trace("r1", [{ type: "console", t: 2, stream: "stdout", text: "new" }]).message,
    ];
    const oneByOne = messages.reduce((s, message) => reduceRun(s, { type: "server", message }), started());
    const batched = reduceRun(started(), { type: "server-batch", messages });
    expect(batched).toEqual(oneByOne);
    expect(batched.console.map((l) => l.text)).toEqual(["new"]);
    expect(batched.trace.count).toBe(2);
  });

  it("ignores messages of another run", () => {
    const s = reduceRun(started(), trace("r0", [{ type: "console", t: 1, stream: "stdout", text: "old" }]));
    expect(s.console).toEqual([]);
  });

  it("fails the run on a lost connection or a server error", () => {
    expect(reduceRun(started(), { type: "connection-lost" }).status).toBe("failed");
    const s = reduceRun(started(), { type: "server", message: { type: "error", payload: { message: "Too big." }, meta: { runId: "r1" } } });
    expect(s.status).toBe("failed");
    expect(s.console.at(-1)).toMatchObject({ stream: "error", text: "Too big." });
  });

  it("marks a non-ok exit as failed", () => {
    const s = reduceRun(started(), trace("r1", [{ type: "run/exit", t: 5000, reason: "timeout", code: null, message: "Stopped after 5 s.", totals: {} }]));
    expect(s.status).toBe("failed");
    expect(s.exit?.reason).toBe("timeout");
  });
});
