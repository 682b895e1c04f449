import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { TraceEvent } from "../../protocol/trace.js";
import { testApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";

let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp()));
afterAll(() => cleanup());

const workerSockets = (events: TraceEvent[]) =>
  events.filter((e) => e.type === "socket/open" && /worker/.test(e.label)).map((e) => (e as { socket: string }).socket);

describe("live control of a running scenario over the run WebSocket", () => {
  it("applies initial params, then a live worker count and an actor kill, without restarting the run", async () => {
    const program = (await app.inject({ method: "GET", url: "/api/scenarios/pipeline/program?duration=20&workers=1&rate=50&workMs=0" })).json();
    const probe = await WsProbe.open(app, "/api/runs");
    const runId = "live-pipeline";
    probe.send({
      type: "run/start",
      payload: { files: program.files, entry: program.entry, timeoutMs: program.timeoutMs, params: program.params },
      meta: { runId },
    });

    // One worker (PULL + PUSH) at first, as the params asked.
    await probe.until(() => (workerSockets(probe.events(runId)).length >= 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    expect(workerSockets(probe.events(runId))).toHaveLength(2);

    probe.send({ type: "run/control", payload: { action: "set-param", name: "workers", value: 3 }, meta: { runId } });
    await probe.until(() => (workerSockets(probe.events(runId)).length >= 6 ? true : undefined));

    probe.send({ type: "run/control", payload: { action: "actor", actor: "sink", op: "kill" }, meta: { runId } });
    const sinkSocket = probe.events(runId).find((e) => e.type === "socket/open" && /sink/.test(e.label)) as { socket: string };
    await probe.until(() => probe.events(runId).find((e) => e.type === "socket/close" && e.socket === sinkSocket.socket));

    probe.send({ type: "run/control", payload: { action: "actor", actor: "nobody-here", op: "unknown" }, meta: { runId } });
    expect(await probe.errorFor(runId)).toMatch(/Invalid run\/control message/);

    probe.send({ type: "run/stop", payload: {}, meta: { runId } });
    expect((await probe.exitOf(runId)).reason).toBe("killed");
    probe.ws.terminate();
  });

  it("checks a scenario run's params and live controls against its scenario before they reach the program", async () => {
    const program = (await app.inject({ method: "GET", url: "/api/scenarios/pipeline/program?duration=20&workers=1&rate=50&workMs=0" })).json();
    const probe = await WsProbe.open(app, "/api/runs");
    const start = (runId: string, params: Record<string, unknown>) =>
      probe.send({
        type: "run/start",
        payload: { files: program.files, entry: program.entry, timeoutMs: program.timeoutMs, params, scenario: "pipeline" },
        meta: { runId },
      });

    start("too-many-workers", { ...program.params, workers: 40 });
    expect(await probe.errorFor("too-many-workers")).toMatch(/workers/);

    const runId = "checked-controls";
    start(runId, program.params);
    await probe.until(() => (workerSockets(probe.events(runId)).length >= 2 ? true : undefined));
    probe.send({ type: "run/control", payload: { action: "set-param", name: "workers", value: 40 }, meta: { runId } });
    expect(await probe.errorFor(runId)).toMatch(/workers/);
    probe.send({ type: "run/control", payload: { action: "actor", actor: "nobody-here", op: "kill" }, meta: { runId } });
    expect(await probe.until(() => probe.errorsFor(runId).find((m) => m.includes("nobody-here")))).toMatch(/has no actor "nobody-here"/);

    probe.send({ type: "run/stop", payload: {}, meta: { runId } });
    expect((await probe.exitOf(runId)).reason).toBe("killed");
    probe.ws.terminate();
  });
});
