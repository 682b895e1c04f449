import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { TraceEvent } from "../../protocol/trace.js";
import { listeningApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";
import { DEFAULT_SERVER_LIMITS } from "../limits.js";
import { Session } from "./session.js";

let app: FastifyInstance;
let baseUrl: string;
let cleanup: () => Promise<void>;
beforeAll(
  async () =>
    ({ app, baseUrl, cleanup } = await listeningApp(
      {
        serverLimits: {
          ...DEFAULT_SERVER_LIMITS,
          SESSIONS_PER_ADDRESS: 3,
          SPECTATORS_PER_ADDRESS: 3,
          JOIN_MISSES_PER_ADDRESS_PER_MINUTE: 5,
          SPECTATOR_BACKLOG_BYTES: 256 * 1024,
        },
      },
      { WARM_POOL_SIZE: 0 },
    )),
);
afterAll(() => cleanup());

async function present(from: string): Promise<{ presenter: WsProbe; code: string | undefined; error: string | undefined }> {
  const presenter = await WsProbe.connect(baseUrl, "/api/runs", from);
  presenter.send({ type: "session/open", payload: {}, meta: {} });
  const reply = await presenter.until(() => presenter.messages.find((m) => m.type === "session/opened" || m.type === "error"));
  return {
    presenter,
    code: reply.type === "session/opened" ? reply.payload.code : undefined,
    error: reply.type === "error" ? reply.payload.message : undefined,
  };
}
const watch = (code: string, from: string) => WsProbe.connect(baseUrl, `/api/sessions/${code}/watch`, from);
const endedReason = async (p: WsProbe) => {
  const m = await p.until(() => p.messages.find((x) => x.type === "session/ended"));
  return m.type === "session/ended" ? m.payload.reason : "";
};

describe("classroom sessions from many clients", () => {
  it("caps the sessions one address presents with a sentence; other addresses still open theirs", async () => {
    const opened = await Promise.all([1, 2, 3].map(() => present("192.0.2.1")));
    expect(opened.every((o) => o.code)).toBe(true);
    const fourth = await present("192.0.2.1");
    expect(fourth.error).toMatch(/^Your network already presents 3 classroom sessions, the most one address may\. Close one/);
    const elsewhere = await present("192.0.2.2");
    expect(elsewhere.code).toBeDefined();
    [...opened, fourth, elsewhere].forEach((o) => {
      o.presenter.ws.close();
    });
  });

  it("caps the seats one address takes in a session; classmates from other addresses still get in", async () => {
    const { presenter, code } = await present("192.0.2.10");
    const seats = await Promise.all([1, 2, 3].map(() => watch(code!, "192.0.2.11")));
    await Promise.all(seats.map((s) => s.until(() => s.messages.find((m) => m.type === "session/snapshot"))));
    const extra = await watch(code!, "192.0.2.11");
    expect(await endedReason(extra)).toMatch(/^3 spectators from your network already watch this session/);
    const classmate = await watch(code!, "192.0.2.12");
    await classmate.until(() => classmate.messages.find((m) => m.type === "session/snapshot"));
    seats[0].ws.close();
    const audience = () => presenter.messages.flatMap((m) => (m.type === "session/audience" ? [m.payload.spectators] : []));
    await presenter.until(() => (audience().join() === "1,2,3,4,3" ? true : undefined));
    const again = await watch(code!, "192.0.2.11");
    await again.until(() => again.messages.find((m) => m.type === "session/snapshot"));
    [presenter, ...seats, classmate, again].forEach((p) => {
      p.ws.close();
    });
  });

  it("limits join-code guesses per address: past the misses even a right code waits, with a sentence", async () => {
    const { presenter, code } = await present("192.0.2.20");
    const lookup = (c: string, remoteAddress: string) => app.inject({ method: "GET", url: `/api/sessions/${c}`, remoteAddress });
    for (let i = 0; i < 5; i++) expect((await lookup(`QQQQQ${i + 2}`, "192.0.2.21")).statusCode).toBe(404);
    const blocked = await lookup(code!, "192.0.2.21");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toMatch(/Too many session codes from your address did not match a session\. .*try again in \d+ seconds/);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    const guesser = await watch(code!, "192.0.2.21");
    expect(await endedReason(guesser)).toMatch(/Too many session codes/);
    expect((await lookup(code!, "192.0.2.22")).statusCode).toBe(200);
    presenter.ws.close();
  });
});

describe("spectators who do not read", () => {
  it("are dropped once their backlog passes the bound, while reading ones get everything and a dropped one can rejoin", async () => {
    const { presenter, code } = await present("192.0.2.30");
    const session = (await app.sessions.get(code!))!;
    session.startRun({ runId: "big", entry: "main.js", files: { "main.js": "" } });
    const reader = await watch(code!, "192.0.2.31");
    const idle = await watch(code!, "192.0.2.32");
    await Promise.all([reader, idle].map((p) => p.until(() => p.messages.find((m) => m.type === "session/snapshot"))));
    const idleSocket = (idle.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    idleSocket.pause();

    const batch = (i: number): TraceEvent[] => [{ type: "console", t: i, stream: "stdout", text: `${i} ${"z".repeat(64 * 1024)}\n` }];
    for (let i = 0; i < 400; i++) {
      session.addEvents("big", batch(i));
      // Batches arrive over time: let the reading spectator read between them, as it would.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await reader.until(() => (session.spectatorCount === 1 ? true : undefined));
    idleSocket.resume();
    await idle.closed();
    await reader.until(() => (reader.events("big").length === 400 ? true : undefined));

    const back = await watch(code!, "192.0.2.32");
    const snapshot = await back.until(() => back.messages.find((m) => m.type === "session/snapshot"));
    expect(snapshot.type === "session/snapshot" && snapshot.payload.run?.runId).toBe("big");
    expect(session.storedTraceBytes).toBeLessThanOrEqual(DEFAULT_SERVER_LIMITS.SESSION_TRACE_BYTES);
    [presenter, reader, back].forEach((p) => {
      p.ws.close();
    });
  });

  it("share one serialised snapshot: joiners of an unchanged trace cost no second serialisation, and see the same events", async () => {
    const { presenter, code } = await present("192.0.2.40");
    const session = (await app.sessions.get(code!))!;
    session.startRun({ runId: "shared", entry: "main.js", files: { "main.js": "" } });
    session.addEvents("shared", [{ type: "console", t: 1, stream: "stdout", text: "before\n" }]);
    const made = { count: 0 };
    const original = (Session.prototype as unknown as { makeSnapshot: () => unknown }).makeSnapshot;
    const spy = function (this: Session) {
      made.count++;
      return original.call(this);
    };
    (session as unknown as { makeSnapshot: () => unknown }).makeSnapshot = spy;
    const first = await watch(code!, "192.0.2.41");
    session.addEvents("shared", [{ type: "console", t: 2, stream: "stdout", text: "between\n" }]);
    const second = await watch(code!, "192.0.2.42");
    for (const p of [first, second])
      await p.until(() =>
        p.events("shared").length +
          ((p.messages.find((m) => m.type === "session/snapshot") as { payload?: { events: unknown[] } } | undefined)?.payload?.events.length ?? 0) ===
        2
          ? true
          : undefined,
      );
    expect(made.count).toBe(1);
    const texts = (p: WsProbe) =>
      p.messages
        .flatMap((m) => (m.type === "session/snapshot" ? m.payload.events : m.type === "trace" ? m.payload.events : []))
        .map((e) => (e.type === "console" ? e.text : ""));
    expect(texts(second)).toEqual(["before\n", "between\n"]);
    [presenter, first, second].forEach((p) => {
      p.ws.close();
    });
  });
});
