import { describe, expect, it } from "vitest";
import { decideVerdict, endingSignal, type ProcessEnd } from "./verdict.js";

const end = (over: Partial<ProcessEnd> = {}): ProcessEnd => ({ code: 0, signal: null, ...over });
const WALL_MS = 10_000;

describe("decideVerdict", () => {
  it("says ok for a clean exit", () => {
    expect(decideVerdict(end(), undefined, WALL_MS)).toMatchObject({ reason: "ok", code: 0 });
  });

  it("gives exit codes and uncaught errors as errors, in a sentence", () => {
    expect(decideVerdict(end({ code: 3 }), undefined, WALL_MS)).toEqual({ reason: "error", code: 3, message: "The program exited with code 3." });
    const uncaught = decideVerdict(end({ code: 1, uncaught: { name: "TypeError", message: "x is not a function" } }), undefined, WALL_MS);
    expect(uncaught).toMatchObject({ reason: "error", code: 1, message: "The program stopped with an uncaught TypeError: x is not a function" });
  });

  it("reads bwrap's 128 + n exit codes as signals", () => {
    expect(endingSignal({ code: 137, signal: null })).toBe("SIGKILL");
    expect(decideVerdict(end({ code: 137 }), undefined, WALL_MS).message).toBe("The program was ended by signal SIGKILL.");
    expect(endingSignal({ code: 3, signal: null })).toBeNull();
  });

  it("names who stopped a killed run", () => {
    for (const [by, text] of [
      ["stop", "You stopped"],
      ["client-gone", "browser went away"],
      ["shutdown", "shutting down"],
    ] as const) {
      const v = decideVerdict(end({ code: null, signal: "SIGKILL" }), { reason: "killed", by }, WALL_MS);
      expect(v.reason).toBe("killed");
      expect(v.message).toContain(text);
    }
  });

  it("says how long a timed-out run was allowed", () => {
    const v = decideVerdict(end({ code: null, signal: "SIGKILL" }), { reason: "timeout", limit: "wall-time" }, 2500);
    expect(v).toMatchObject({ reason: "timeout", limit: "wall-time" });
    expect(v.message).toContain("2.5 s");
  });

  it("gives cpu time (SIGXCPU, also as bwrap's 152) as a timeout", () => {
    expect(decideVerdict(end({ code: null, signal: "SIGXCPU" }), undefined, WALL_MS)).toMatchObject({ reason: "timeout", limit: "cpu-time" });
    expect(decideVerdict(end({ code: 152 }), undefined, WALL_MS)).toMatchObject({ reason: "timeout", limit: "cpu-time" });
  });

  it("says memory for a cgroup OOM kill, the counter the supervisor reads itself", () => {
    const oom = end({ code: 137, usage: { oomKills: 1, pidsRefused: 0 } });
    expect(decideVerdict(oom, undefined, WALL_MS)).toMatchObject({ reason: "memory", limit: "memory" });
  });

  it("never says memory because of what the program printed or threw", () => {
    const printed = end({ code: 1 });
    expect(decideVerdict(printed, undefined, WALL_MS)).toMatchObject({ reason: "error", code: 1 });
    const thrown = end({ code: 1, uncaught: { name: "RangeError", message: "Array buffer allocation failed" } });
    expect(decideVerdict(thrown, undefined, WALL_MS).reason).toBe("error");
  });

  it("gives socket advice on a timeout only when the trace shows a socket still open", () => {
    const cause = { reason: "timeout", limit: "wall-time" } as const;
    expect(decideVerdict(end({ code: null, signal: "SIGKILL", openSockets: 0 }), cause, 3000).message).not.toMatch(/socket/i);
    expect(decideVerdict(end({ code: null, signal: "SIGKILL", openSockets: 2 }), cause, 3000).message).toMatch(/socket still waiting/);
  });

  it("names the process limit for a libzmq abort when the cgroup refused a thread", () => {
    expect(decideVerdict(end({ code: 134, usage: { oomKills: 0, pidsRefused: 3 } }), undefined, WALL_MS)).toMatchObject({
      reason: "limit",
      limit: "processes",
    });
  });

  it("calls its own fault an internal error, not the program's", () => {
    const v = decideVerdict(end({ code: null, signal: "SIGKILL" }), { reason: "error", internal: true }, WALL_MS);
    expect(v.reason).toBe("error");
    expect(v.message).toMatch(/fault of the workbench/);
  });

  it("names the limit the runner or the supervisor hit", () => {
    const sockets = decideVerdict(end({ code: 1, uncaught: { name: "LimitError", message: "socket limit reached", limit: "sockets" } }), undefined, WALL_MS);
    expect(sockets).toMatchObject({ reason: "limit", limit: "sockets" });
    expect(sockets.message).toContain("socket limit reached");
    expect(decideVerdict(end({ code: null, signal: "SIGKILL" }), { reason: "limit", limit: "output" }, WALL_MS)).toMatchObject({
      reason: "limit",
      limit: "output",
    });
    expect(decideVerdict(end({ code: 1, usage: { oomKills: 0, pidsRefused: 12 } }), undefined, WALL_MS)).toMatchObject({ reason: "limit", limit: "processes" });
  });

  it("has a sentence for a limit it does not know", () => {
    expect(decideVerdict(end({ code: 1 }), { reason: "limit", limit: "frobs" }, WALL_MS).message).toBe("The run hit the frobs limit.");
  });
});
