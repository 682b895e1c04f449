import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../../../protocol/ws.js";
import { initialPageState, reducePage, type PageAction, type PageState } from "./pageState.js";

const server = (message: ServerMessage): PageAction => ({ type: "server", message });
const opened: ServerMessage = {
  type: "session/opened",
  payload: { code: "ABC234", url: "/watch/ABC234", expiresAt: "2026-01-01T00:00:00Z", spectators: 0, key: "secret" },
  meta: {},
};
const run = (...actions: PageAction[]): PageState => actions.reduce(reducePage, initialPageState);

describe("reducePage: every server message through one reducer, each slice taking its own", () => {
  it("takes a frame's batch of server messages as if they came one by one, every slice included", () => {
    const check = { lessonId: "hello", status: "pass" as const, assertions: [], run: "Done." };
    const messages: ServerMessage[] = [opened, { type: "check/result", payload: check, meta: { runId: "r1" } }];
    const batched = run({ type: "class/open" }, { type: "start", runId: "r1" }, { type: "server-batch", messages });
    const oneByOne = run({ type: "class/open" }, { type: "start", runId: "r1" }, ...messages.map(server));
    expect(batched).toEqual(oneByOne);
    expect(batched.lessonCheck).toEqual({ runId: "r1", check });
    expect(batched.classSession.session.phase).toBe("open");
  });

  it("keeps a check result for the run it judged, beside that run's state", () => {
    const check = { lessonId: "hello", status: "pass" as const, assertions: [], run: "Done." };
    const page = run({ type: "start", runId: "r1" }, server({ type: "check/result", payload: check, meta: { runId: "r1" } }));
    expect(page.lessonCheck).toEqual({ runId: "r1", check });
    expect(page.run.runId).toBe("r1");
  });

  it("opens a class from the presenter's press and the server's answer, and counts its audience", () => {
    const page = run({ type: "class/open" }, server(opened), server({ type: "session/audience", payload: { spectators: 3 }, meta: {} }));
    expect(page.classSession.session).toMatchObject({ phase: "open", code: "ABC234", spectators: 3 });
    expect(page.classSession.reclaim).toEqual({ code: "ABC234", key: "secret" });
  });

  it("marks an open class reconnecting when the socket drops, and one still opening as stopped", () => {
    expect(run({ type: "class/open" }, server(opened), { type: "connection", state: "closed" }).classSession.session).toEqual({
      phase: "reconnecting",
      code: "ABC234",
    });
    const stopped = run({ type: "class/open" }, { type: "connection", state: "closed" });
    expect(stopped.classSession.session.phase).toBe("stopped");
    expect(stopped.connection).toBe("closed");
  });

  it("stops an opening class on an error that belongs to no run, and leaves it alone for a run's error", () => {
    const runError = run(
      { type: "class/open" },
      { type: "start", runId: "r1" },
      server({ type: "error", payload: { message: "Bad." }, meta: { runId: "r1" } }),
    );
    expect(runError.classSession.session.phase).toBe("opening");
    expect(runError.run.status).toBe("failed");
    const sessionError = run({ type: "class/open" }, server({ type: "error", payload: { message: "Too many sessions." }, meta: {} }));
    expect(sessionError.classSession.session).toEqual({ phase: "stopped", message: "Too many sessions." });
  });

  it("forgets the class and its reclaim key when the presenter closes it", () => {
    expect(run({ type: "class/open" }, server(opened), { type: "class/close" }).classSession).toEqual(initialPageState.classSession);
  });

  it("keeps slices a message does not concern, and the page itself when nothing changed", () => {
    const before = run({ type: "class/open" }, server(opened));
    const after = reducePage(before, { type: "start", runId: "r2" });
    expect(after.classSession).toBe(before.classSession);
    expect(after.lessonCheck).toBe(before.lessonCheck);
    expect(reducePage(before, server({ type: "session/audience", payload: { spectators: 0 }, meta: {} })).run).toBe(before.run);
    const idle = run();
    expect(reducePage(idle, { type: "stop" })).toBe(idle);
  });
});
