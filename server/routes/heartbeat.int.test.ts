import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";

let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp()));
afterAll(() => cleanup());

const ping = (seq: number) => ({ type: "ping", payload: { seq }, meta: {} });

describe("the browser's heartbeat", () => {
  it("is answered on the run socket with a pong of the same seq", async () => {
    const probe = await WsProbe.open(app, "/api/runs");
    probe.send(ping(7));
    expect(await probe.until(() => probe.messages.find((m) => m.type === "pong"))).toEqual({ type: "pong", payload: { seq: 7 }, meta: {} });
    probe.ws.close();
  });

  it("refuses a malformed ping with a sentence, as any other invalid message", async () => {
    const probe = await WsProbe.open(app, "/api/runs");
    probe.send({ type: "ping", payload: { seq: -1 }, meta: {} });
    const reply = await probe.until(() => probe.messages.find((m) => m.type === "error" || m.type === "pong"));
    expect(reply.type).toBe("error");
    probe.ws.close();
  });

  it("is answered on a spectator's socket, where anything else is still refused", async () => {
    const presenter = await WsProbe.open(app, "/api/runs");
    presenter.send({ type: "session/open", payload: {}, meta: {} });
    const opened = await presenter.until(() => presenter.messages.find((m) => m.type === "session/opened"));
    if (opened.type !== "session/opened") throw new Error("unreachable");
    const spectator = await WsProbe.open(app, `/api/sessions/${opened.payload.code}/watch`);
    spectator.send(ping(3));
    expect(await spectator.until(() => spectator.messages.find((m) => m.type === "pong"))).toMatchObject({ payload: { seq: 3 } });
    spectator.send({ type: "ping", payload: { seq: "x" }, meta: {} });
    const refusal = await spectator.until(() => spectator.messages.find((m) => m.type === "error"));
    expect(refusal).toMatchObject({ payload: { message: expect.stringContaining("read-only") } });
    spectator.ws.close();
    presenter.ws.close();
  });
});
