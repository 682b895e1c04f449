import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import sensible from "@fastify/sensible";
import { transform } from "esbuild";
import scenariosService from "../services/scenarios.js";
import scenarioRoutes from "../routes/scenarios.js";

/** The scenario service and routes on a bare Fastify with the app's parser settings and HTTP errors (the app registers them the same way). */
let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false } } });
  await app.register(sensible);
  await app.register(scenariosService);
  await app.register(scenarioRoutes);
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string) => app.inject({ method: "GET", url });

describe("GET /api/scenarios", () => {
  it("lists at least ten scenarios with their params and actors", async () => {
    const res = await get("/api/scenarios");
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<{ id: string; params: Record<string, unknown>; actors: Array<{ name: string; kind: string }> }>;
    expect(list.length).toBeGreaterThanOrEqual(10);
    const queue = list.find((s) => s.id === "queue-device");
    expect(queue?.actors).toContainEqual({ name: "broker", kind: "ROUTER/DEALER", replicas: 1 });
    expect(queue?.actors).toContainEqual({ name: "worker", kind: "REP", replicas: "$workers" });
    expect(queue?.params.duration).toMatchObject({ type: "number", min: 1 });
  });
});

describe("GET /api/scenarios/:id", () => {
  it("returns the full scenario", async () => {
    const res = await get("/api/scenarios/hello-req-rep");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: "hello-req-rep", actors: [{ name: "server", socket: { type: "REP" } }, { name: "client" }] });
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await get("/api/scenarios/no-such-thing")).statusCode).toBe(404);
    expect((await get("/api/scenarios/..%2Fetc")).statusCode).toBe(400);
  });
});

describe("ScenarioCatalog.controlProblem", () => {
  it("accepts live changes the scenario allows and explains the others", () => {
    const check = (message: Parameters<typeof app.scenarios.controlProblem>[1]) => app.scenarios.controlProblem("pipeline", message);
    expect(check({ action: "set-param", name: "workers", value: 4 })).toBeNull();
    expect(check({ action: "actor", actor: "worker-2", op: "kill" })).toBeNull();
    expect(check({ action: "set-param", name: "workers", value: 40 })).toBe('The param "workers" must be at most 6.');
    expect(check({ action: "actor", actor: "broker", op: "pause" })).toBe('The scenario "pipeline" has no actor "broker".');
    expect(app.scenarios.controlProblem("nope", { action: "actor", actor: "x", op: "kill" })).toBe('There is no scenario "nope".');
  });
});

describe("GET /api/scenarios/:id/program", () => {
  it("generates a program with the param values asked for, ready to run", async () => {
    const res = await get("/api/scenarios/pipeline/program?workers=5&duration=30");
    expect(res.statusCode).toBe(200);
    const program = res.json() as { files: Record<string, string>; entry: string; timeoutMs: number; params: Record<string, unknown> };
    expect(program.entry).toBe("main.ts");
    expect(program.params).toMatchObject({ workers: 5, duration: 30, rate: 10 });
    expect(program.files["params.ts"]).toContain("workers: 5,");
    expect(Object.keys(program.files)).toEqual(expect.arrayContaining(["main.ts", "ventilator.ts", "worker.ts", "sink.ts", "workbench/control.ts"]));
    await transform(program.files["worker.ts"], { loader: "ts" });
  });

  it("refuses unknown params and values out of range with a sentence", async () => {
    const unknown = await get("/api/scenarios/pipeline/program?speed=3");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/no param "speed"/);
    const tooMany = await get("/api/scenarios/pipeline/program?workers=99");
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toBe('The param "workers" must be at most 6.');
    const notANumber = await get("/api/scenarios/pipeline/program?rate=fast");
    expect(notANumber.json().message).toBe('The param "rate" must be a number.');
  });
});
