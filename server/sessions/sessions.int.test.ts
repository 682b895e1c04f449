import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";
import { SessionHub } from "./hub.js";
import { DEFAULT_SERVER_LIMITS as SESSION_LIMITS } from "../limits.js";
import type { Session } from "./session.js";

const hello = readFileSync(new URL("../../examples/hello.ts", import.meta.url), "utf8");
let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp()));
afterAll(() => cleanup());

async function presenterWithSession() {
  const presenter = await WsProbe.open(app, "/api/runs");
  presenter.send({ type: "session/open", payload: {}, meta: {} });
  const opened = await presenter.until(() => presenter.messages.find((m) => m.type === "session/opened"));
  if (opened.type !== "session/opened") throw new Error("unreachable");
  return { presenter, code: opened.payload.code };
}
const watch = async (code: string) => WsProbe.open(app, `/api/sessions/${code}/watch`);

describe("classroom sessions", () => {
  it("streams the presenter's run to a spectator who joined by code, and mirrors pause and speed", async () => {
    const { presenter, code } = await presenterWithSession();
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    const spectator = await watch(code.toLowerCase());
    await spectator.until(() => spectator.messages.find((m) => m.type === "session/snapshot"));
    await presenter.until(() => presenter.messages.find((m) => m.type === "session/audience" && m.payload.spectators === 1));

    presenter.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: "class-1" } });
    const run = await spectator.until(() => spectator.messages.find((m) => m.type === "session/run"));
    expect(run.type === "session/run" && run.payload.files["main.ts"]).toBe(hello);
    const exit = await spectator.exitOf("class-1");
    expect(exit.reason).toBe("ok");
    expect(spectator.events("class-1").filter((e) => e.type === "socket/open")).toHaveLength(2);
    expect(spectator.events("class-1").length).toBe(presenter.events("class-1").length);

    presenter.send({ type: "session/view", payload: { paused: true, speed: 0.5, cursor: 12 }, meta: {} });
    const view = await spectator.until(() => spectator.messages.find((m) => m.type === "session/view"));
    expect(view.payload).toEqual({ paused: true, speed: 0.5, cursor: 12 });

    const late = await watch(code);
    const snapshot = await late.until(() => late.messages.find((m) => m.type === "session/snapshot"));
    if (snapshot.type !== "session/snapshot") throw new Error("unreachable");
    expect(snapshot.payload.run?.runId).toBe("class-1");
    expect(snapshot.payload.events.length).toBe(presenter.events("class-1").length);
    expect(snapshot.payload.view.paused).toBe(true);

    late.send({ type: "run/start" });
    expect(await late.errorFor(undefined)).toMatch(/read-only/);
    for (const p of [presenter, spectator, late]) p.ws.terminate();
  });

  it("tells a spectator with an unknown code what to do", async () => {
    const spectator = await watch("ZZZZZZ");
    const ended = await spectator.until(() => spectator.messages.find((m) => m.type === "session/ended"));
    expect(ended.type === "session/ended" && ended.payload.reason).toMatch(/No session has the code ZZZZZZ/);
    const res = await app.inject({ method: "GET", url: "/api/sessions/ZZZZZZ" });
    expect(res.statusCode).toBe(404);
  });

  it("ends the session for spectators when the presenter closes it", async () => {
    const { presenter, code } = await presenterWithSession();
    const spectator = await watch(code);
    await spectator.until(() => spectator.messages.find((m) => m.type === "session/snapshot"));
    presenter.send({ type: "session/close", payload: {}, meta: {} });
    await spectator.until(() => spectator.messages.find((m) => m.type === "session/ended"));
    expect((await app.inject({ method: "GET", url: `/api/sessions/${code}` })).statusCode).toBe(404);
    presenter.ws.terminate();
  });
});

describe("a presenter whose connection dropped", () => {
  it("takes the same session back with its key, and spectators keep watching", async () => {
    const { presenter, code } = await presenterWithSession();
    const opened = presenter.messages.find((m) => m.type === "session/opened");
    const key = opened?.type === "session/opened" ? opened.payload.key : "";
    const spectator = await watch(code);
    await spectator.until(() => spectator.messages.find((m) => m.type === "session/snapshot"));
    presenter.ws.terminate();

    const intruder = await WsProbe.open(app, "/api/runs");
    intruder.send({ type: "session/open", payload: { code, key: "not-the-key-not-the-key" }, meta: {} });
    const theirs = await intruder.until(() => intruder.messages.find((m) => m.type === "session/opened"));
    expect(theirs.type === "session/opened" && theirs.payload.code).not.toBe(code);

    const back = await WsProbe.open(app, "/api/runs");
    back.send({ type: "session/open", payload: { code, key }, meta: {} });
    const again = await back.until(() => back.messages.find((m) => m.type === "session/opened"));
    expect(again.type === "session/opened" && again.payload.code).toBe(code);
    back.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: "after-reconnect" } });
    expect((await spectator.exitOf("after-reconnect")).reason).toBe("ok");
    for (const p of [intruder, back, spectator]) p.ws.terminate();
  });
});

describe("SessionHub", () => {
  it("closes sessions that are idle, too old, or whose presenter left", async () => {
    const hub = new SessionHub(SESSION_LIMITS);
    const idle = (await hub.open("10.0.0.1", () => {})) as Session;
    const gone = (await hub.open("10.0.0.1", () => {})) as Session;
    const fresh = (await hub.open("10.0.0.1", () => {})) as Session;
    const now = Date.now();
    idle.lastActivity = now - SESSION_LIMITS.SESSION_IDLE_MS;
    gone.presenterGoneSince = now - SESSION_LIMITS.PRESENTER_GONE_MS;
    hub.sweep(now);
    expect([await hub.get(idle.code), await hub.get(gone.code), await hub.get(fresh.code)]).toEqual([undefined, undefined, fresh]);
    hub.sweep(fresh.expiresAt);
    expect(await hub.get(fresh.code)).toBeUndefined();
    await hub.closeAll("done");
  });
});
