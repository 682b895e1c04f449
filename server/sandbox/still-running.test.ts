import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { StillRunning } from "./still-running.js";

const open = (socket: string, kind: "REQ" | "REP"): TraceEvent => ({ type: "socket/open", t: 1, socket, kind, label: kind, thread: 0 });

describe("what kept a timed-out program alive", () => {
  it("names the sockets still open as the graph does, with their kind", () => {
    const still = new StillRunning();
    still.observe([open("s1", "REQ"), open("s2", "REP"), { type: "socket/close", t: 2, socket: "s2", kind: "REP" }]);
    const names: Record<string, string> = { s1: "client", s2: "worker" };
    expect(still.explain((s) => names[s] ?? s)).toMatch(/^client \(REQ\) was still open; /);
  });

  it("says something else kept it running once every socket was closed", () => {
    const still = new StillRunning();
    still.observe([open("s1", "REQ"), { type: "socket/close", t: 2, socket: "s1", kind: "REQ" }]);
    expect(still.explain()).toMatch(/^Every socket had been closed/);
  });
});
