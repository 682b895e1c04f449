import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";

// Goes on until the test tells it to finish (a live control message), then ends with "ok".
const lasting = `
import * as zmq from "zeromq";
const pull = new zmq.Pull(); await pull.bind("tcp://127.0.0.1:5600");
console.log("started");
const alive = setInterval(() => {}, 1000); // a bound socket alone does not keep Node's event loop going
await new Promise((finish) => globalThis.__zmqWorkbenchControl.addEventListener("control", finish));
clearInterval(alive);
pull.close();
`;

let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp()));
afterAll(() => cleanup());

describe("a draining node", () => {
  it("lets the run going finish, refuses new runs and WebSockets, and sends idle browsers elsewhere", async () => {
    const health = async () => (await app.inject({ method: "GET", url: "/api/health" })).json();
    expect(await health()).toMatchObject({ ok: true, acceptingRuns: true, runs: 0 });

    const busy = await WsProbe.open(app, "/api/runs");
    const idle = await WsProbe.open(app, "/api/runs");
    const closeCode = (probe: WsProbe) => new Promise<number>((resolve) => probe.ws.once("close", (code) => resolve(code)));
    const idleClosed = closeCode(idle);
    const busyClosed = closeCode(busy);
    busy.send({ type: "run/start", payload: { files: { "main.ts": lasting } }, meta: { runId: "going" } });
    await busy.until(() => busy.events("going").find((e) => e.type === "console" && e.text.includes("started")));
    expect((await health()).runs).toBe(1);

    const drained = app.drain.begin(() => app.supervisor.runsDone(), 30_000);
    expect(await health()).toMatchObject({ ok: true, acceptingRuns: false });
    expect(await idleClosed).toBe(1012);
    await expect(WsProbe.open(app, "/api/runs")).rejects.toThrow(/503/);

    busy.send({ type: "run/start", payload: { files: { "main.ts": lasting } }, meta: { runId: "too-late" } });
    expect(await busy.errorFor("too-late")).toMatch(/restarting.*another one/);
    expect(busy.events("going").find((e) => e.type === "run/exit")).toBeUndefined();
    busy.send({ type: "run/control", payload: { action: "set-param", name: "finish", value: true }, meta: { runId: "going" } });
    expect((await busy.exitOf("going")).reason).toBe("ok");
    expect(await drained).toBe(true);
    expect(await busyClosed).toBe(1012);
    expect(busy.events("too-late")).toEqual([]);
    expect((await health()).runs).toBe(0);
  });
});
