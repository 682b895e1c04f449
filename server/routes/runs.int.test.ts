import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { testApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";

const hello = readFileSync(new URL("../../examples/hello.ts", import.meta.url), "utf8");
let app: FastifyInstance;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp({}, { RUNS_PER_CLIENT_PER_MINUTE: 1000 })));
afterAll(() => cleanup());

const connect = async () => WsProbe.open(app, "/api/runs");
const start = (runId: string, files: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  type: "run/start",
  payload: { files, ...extra },
  meta: { runId },
});

describe("WebSocket /api/runs", () => {
  it("runs the hello world and streams its trace, ending with an ok verdict", async () => {
    const probe = await connect();
    probe.send(start("run-hello", { "main.ts": hello }));
    const exit = await probe.exitOf("run-hello");
    expect(exit.reason).toBe("ok");
    const events = probe.events("run-hello");
    expect(events[0]).toMatchObject({ type: "run/start", entry: "main.ts" });
    const kinds = events
      .filter((e) => e.type === "socket/open")
      .map((e) => (e as { kind: string }).kind)
      .sort();
    expect(kinds).toEqual(["REP", "REQ"]);
    expect(events.some((e) => e.type === "socket/bind")).toBe(true);
    expect(events.some((e) => e.type === "socket/connect")).toBe(true);
    const out = events
      .filter((e) => e.type === "console")
      .map((e) => (e as { text: string }).text)
      .join("");
    expect(out).toContain("Received World");
    expect(
      Object.values(exit.totals)
        .map((t) => t.sent)
        .sort(),
    ).toEqual([3, 3]);
    probe.ws.terminate();
  });

  it("stops a run on request with the killed verdict", async () => {
    const probe = await connect();
    probe.send(
      start("run-forever", { "main.ts": 'import * as zmq from "zeromq";\nconst p = new zmq.Pull();\nawait p.bind("inproc://x");\nawait p.receive();' }),
    );
    await probe.until(() => probe.events("run-forever").find((e) => e.type === "socket/bind"));
    probe.send({ type: "run/stop", payload: {}, meta: { runId: "run-forever" } });
    const exit = await probe.exitOf("run-forever");
    expect(exit).toMatchObject({ reason: "killed", message: "You stopped the run." });
    probe.ws.terminate();
  });

  it("reports a compile error as an error verdict with the file and line", async () => {
    const probe = await connect();
    probe.send(start("run-broken", { "main.ts": "const x = ;" }));
    const exit = await probe.exitOf("run-broken");
    expect(exit.reason).toBe("error");
    expect(exit.message).toMatch(/does not compile: main\.ts:1:/);
    probe.ws.terminate();
  });

  it("answers bad messages with a clear error and keeps the connection usable", async () => {
    const probe = await connect();
    probe.send("{oops");
    expect(await probe.errorFor(undefined)).toMatch(/not valid JSON/);
    probe.send({ type: "run/launch", payload: {}, meta: { runId: "abcd" } });
    await probe.until(() => probe.messages.find((m) => m.type === "error" && /Unknown message type/.test(m.payload.message)));
    probe.send(start("bad-name", { "../x.ts": "" }));
    expect(await probe.errorFor("bad-name")).toMatch(/"\.\.\/x\.ts" is not a valid file name/);
    probe.send(start("no-files", {}));
    await probe.until(() => probe.messages.find((m) => m.type === "error" && /Invalid run\/start message at \/payload\/files/.test(m.payload.message)));
    probe.send(start("bad-entry", { "main.ts": "" }, { entry: "other.ts" }));
    expect(await probe.errorFor("bad-entry")).toMatch(/entry file "other.ts"/);
    probe.send(start("after-errors", { "main.ts": 'console.log("still here")' }));
    expect((await probe.exitOf("after-errors")).reason).toBe("ok");
    probe.ws.terminate();
  });

  it("stops a connection's runs when the client goes away", async () => {
    const probe = await connect();
    probe.send(start("run-orphan", { "main.ts": "setInterval(() => {}, 1000);" }));
    await probe.until(() => probe.events("run-orphan").find((e) => e.type === "run/start"));
    const running = app.supervisor.runningCount;
    expect(running).toBeGreaterThan(0);
    probe.ws.terminate();
    await expect.poll(() => app.supervisor.runningCount, { timeout: 5000 }).toBeLessThan(running);
  });
});
