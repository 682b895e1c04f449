import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import type { ServerMessage } from "../../../protocol/ws.js";
import { initialSpectator, reduceSpectator, type SpectatorState } from "./spectator.js";

const open = (socket: string, kind: "REQ" | "REP", t = 1): TraceEvent => ({ type: "socket/open", t, socket, kind, label: kind, thread: 0 }) as TraceEvent;
const run = { runId: "r1abc", entry: "main.ts", files: { "main.ts": "// hi" } };
const apply = (state: SpectatorState, ...messages: ServerMessage[]) => messages.reduce((s, message) => reduceSpectator(s, { type: "message", message }), state);

describe("spectator state", () => {
  it("shows a late joiner the trace so far from the snapshot", () => {
    const s = apply(initialSpectator("ABC234"), {
      type: "session/snapshot",
      meta: {},
      payload: { code: "ABC234", run, events: [open("s1", "REQ"), open("s2", "REP")], view: { paused: true, speed: 1, cursor: 5 } },
    });
    expect(s.phase).toBe("watching");
    expect(s.files).toEqual(run.files);
    expect(s.run.graph.nodes.map((n) => n.kind)).toEqual(["REQ", "REP"]);
    expect(s.view).toEqual({ paused: true, speed: 1, cursor: 5 });
  });

  it("starts over for each new run of the presenter and adopts its files", () => {
    let s = apply(initialSpectator("ABC234"), {
      type: "session/snapshot",
      meta: {},
      payload: { code: "ABC234", run, events: [open("s1", "REQ")], view: { paused: false, speed: 1 } },
    });
    const rev = s.filesRevision;
    s = apply(s, { type: "session/run", meta: {}, payload: { runId: "r2abc", entry: "main.ts", files: { "main.ts": "// two" } } });
    expect(s.run.graph.nodes).toEqual([]);
    expect(s.filesRevision).toBe(rev + 1);
    s = apply(
      s,
      { type: "trace", meta: { runId: "r2abc" }, payload: { events: [open("s9", "REP")] } },
      { type: "trace", meta: { runId: "r1abc" }, payload: { events: [open("s8", "REQ")] } },
    );
    expect(s.run.graph.nodes.map((n) => n.id)).toEqual(["s9"]);
  });

  it("follows the presenter's view and ends with the server's reason", () => {
    let s = apply(initialSpectator("ABC234"), { type: "session/view", meta: {}, payload: { paused: true, speed: 0.5 } });
    expect(s.view).toEqual({ paused: true, speed: 0.5 });
    s = apply(s, { type: "session/ended", meta: {}, payload: { reason: "The presenter ended the session." } });
    expect(s).toMatchObject({ phase: "ended", ended: "The presenter ended the session." });
    expect(reduceSpectator(s, { type: "connection", state: "closed" }).phase).toBe("ended");
  });

  it("notes a dropped connection until the next snapshot", () => {
    const s = reduceSpectator(initialSpectator("ABC234"), { type: "connection", state: "closed" });
    expect(s.phase).toBe("reconnecting");
    expect(apply(s, { type: "session/snapshot", meta: {}, payload: { code: "ABC234", events: [], view: { paused: false, speed: 1 } } }).phase).toBe("watching");
  });
});
