// Per-address caps counted over every node: two app instances (nodes A and B) and one real node process (C) that
// is killed, sharing a real Redis. Each address is someone different, so the tests do not share counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { listeningApp } from "../test/helpers.js";
import { startRedis, type RunningService } from "../test/services.js";
import { startNode, type NodeProcess } from "../test/node-process.js";
import { WsProbe } from "../test/ws-client.js";
import { DEFAULT_SERVER_LIMITS } from "../limits.js";
import { tooManyRunsFromAddress } from "../sandbox/supervisor.js";
import { seatsTakenSentence } from "../sessions/spectators.js";

const CAP = 2;
const SILENT_MS = 1_500;
const MISSES = 4;
const FOREVER = "setInterval(() => {}, 1000);";
const QUICK = "console.log('hi');";

let redis: RunningService;
let a: { app: FastifyInstance; baseUrl: string; cleanup: () => Promise<void> };
let b: typeof a;
const probes: WsProbe[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const node = () =>
    listeningApp(
      {
        redisUrl: redis.url,
        serverLimits: {
          ...DEFAULT_SERVER_LIMITS,
          SESSIONS_PER_ADDRESS: CAP,
          SPECTATORS_PER_ADDRESS: CAP,
          NODE_SILENT_MS: SILENT_MS,
          JOIN_MISSES_PER_ADDRESS_PER_MINUTE: MISSES,
        },
      },
      { RUNS_PER_CLIENT: CAP, RUNS_PER_TAB: CAP, CONCURRENT_RUNS: 6, WARM_POOL_SIZE: 0 },
    );
  [a, b] = await Promise.all([node(), node()]);
}, 60_000);

afterAll(async () => {
  for (const p of probes) p.ws.terminate();
  await Promise.all([a?.cleanup(), b?.cleanup()]);
  await redis?.stop();
}, 60_000);

async function connect(baseUrl: string, path: string, from: string): Promise<WsProbe> {
  const probe = await WsProbe.connect(baseUrl, path, from);
  probes.push(probe);
  return probe;
}

let runs = 0;
/** Starts a run and answers how it went: the refusal sentence, or "running" once it has started. */
async function tryRun(probe: WsProbe, source: string): Promise<string> {
  const runId = `run-${++runs}`;
  probe.send({ type: "run/start", payload: { files: { "main.js": source }, timeoutMs: 60_000 }, meta: { runId } });
  return probe.until(() => probe.errorsFor(runId)[0] ?? (probe.events(runId).some((e) => e.type === "run/start") ? `running ${runId}` : undefined));
}

/** Opens a session from `from`: its code, or the refusal sentence. */
async function tryPresent(baseUrl: string, from: string): Promise<{ presenter: WsProbe; code?: string; error?: string }> {
  const presenter = await connect(baseUrl, "/api/runs", from);
  presenter.send({ type: "session/open", payload: {}, meta: {} });
  const reply = await presenter.until(() => presenter.messages.find((m) => m.type === "session/opened" || m.type === "error"));
  return reply.type === "session/opened" ? { presenter, code: reply.payload.code } : { presenter, error: reply.type === "error" ? reply.payload.message : "" };
}

/** Takes a seat from `from`: "seated", or the sentence the spectator was sent away with. */
async function tryWatch(baseUrl: string, code: string, from: string): Promise<{ seat: WsProbe; outcome: string }> {
  const seat = await connect(baseUrl, `/api/sessions/${code}/watch`, from);
  const m = await seat.until(() => seat.messages.find((x) => x.type === "session/snapshot" || x.type === "session/ended"));
  return { seat, outcome: m.type === "session/ended" ? m.payload.reason : "seated" };
}

/** Asks again until the answer changes: a slot given back on one node reaches Redis a moment later. */
async function eventually<T>(attempt: () => Promise<T>, done: (t: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = await attempt();
    if (done(t) || Date.now() > deadline) return t;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("per-address caps counted over every node (Redis)", () => {
  it("refuses on node B a run from an address at its cap on node A, with the same sentence; a run ending on A frees B", async () => {
    const from = "198.51.100.60";
    const onA = await connect(a.baseUrl, "/api/runs", from);
    const going = [await tryRun(onA, FOREVER), await tryRun(onA, FOREVER)];
    expect(going.every((g) => g.startsWith("running"))).toBe(true);
    const onB = await connect(b.baseUrl, "/api/runs", from);
    expect(await tryRun(onB, QUICK)).toBe(tooManyRunsFromAddress(CAP));
    expect(await tryRun(await connect(a.baseUrl, "/api/runs", from), QUICK)).toBe(tooManyRunsFromAddress(CAP));
    expect((await tryRun(await connect(b.baseUrl, "/api/runs", "198.51.100.61"), QUICK)).startsWith("running")).toBe(true);

    const first = going[0].split(" ")[1];
    onA.send({ type: "run/stop", payload: {}, meta: { runId: first } });
    await onA.exitOf(first);
    expect(
      await eventually(
        () => tryRun(onB, QUICK),
        (r) => r.startsWith("running"),
      ),
    ).toMatch(/^running/);
  });

  it("refuses on node B a session from an address presenting its cap on node A; closing one on A frees B", async () => {
    const from = "198.51.100.70";
    const opened = [await tryPresent(a.baseUrl, from), await tryPresent(a.baseUrl, from)];
    expect(opened.every((o) => o.code)).toBe(true);
    const onA = await tryPresent(a.baseUrl, from);
    const onB = await tryPresent(b.baseUrl, from);
    expect(onA.error).toMatch(/^Your network already presents 2 classroom sessions, the most one address may\./);
    expect(onB.error).toBe(onA.error);
    expect((await tryPresent(b.baseUrl, "198.51.100.71")).code).toBeDefined();

    opened[0].presenter.send({ type: "session/close", payload: {}, meta: {} });
    const later = await eventually(
      () => tryPresent(b.baseUrl, from),
      (o) => o.code !== undefined,
    );
    expect(later.code).toBeDefined();
  });

  it("refuses on node B a seat from an address holding its cap of seats on node A; a seat let go on A frees B", async () => {
    const { code } = await tryPresent(a.baseUrl, "198.51.100.80");
    const from = "198.51.100.81";
    const seats = [await tryWatch(a.baseUrl, code!, from), await tryWatch(a.baseUrl, code!, from)];
    expect(seats.map((s) => s.outcome)).toEqual(["seated", "seated"]);
    expect((await tryWatch(b.baseUrl, code!, from)).outcome).toBe(seatsTakenSentence(CAP));
    expect((await tryWatch(a.baseUrl, code!, from)).outcome).toBe(seatsTakenSentence(CAP));
    expect((await tryWatch(b.baseUrl, code!, "198.51.100.82")).outcome).toBe("seated");

    seats[0].seat.ws.close();
    expect(
      (
        await eventually(
          () => tryWatch(b.baseUrl, code!, from),
          (s) => s.outcome === "seated",
        )
      ).outcome,
    ).toBe("seated");
  });

  it("counts one address's unknown join codes on both nodes together: past them even a right code waits, on either node", async () => {
    const { code } = await tryPresent(a.baseUrl, "198.51.100.95");
    const lookup = (node: FastifyInstance, c: string, remoteAddress: string) => node.inject({ method: "GET", url: `/api/sessions/${c}`, remoteAddress });
    for (let i = 0; i < MISSES; i++) expect((await lookup(i % 2 ? b.app : a.app, `QQQQQ${i + 2}`, "198.51.100.96")).statusCode).toBe(404);
    for (const node of [a.app, b.app]) {
      const blocked = await lookup(node, code!, "198.51.100.96");
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().message).toMatch(/^Too many session codes from your address did not match a session\..*try again in \d+ seconds/);
    }
    expect((await lookup(b.app, code!, "198.51.100.97")).statusCode).toBe(200);
  });

  it("moves a session's place in its address's count with a presenter who comes back on another node", async () => {
    const from = "198.51.100.75";
    const kept = await tryPresent(a.baseUrl, from);
    const moving = await tryPresent(a.baseUrl, from);
    const key = moving.presenter.messages.flatMap((m) => (m.type === "session/opened" ? [m.payload.key] : []))[0];
    moving.presenter.ws.terminate();
    // Node A notices the dropped connection a moment later; until then the session is not free to take.
    const back = await eventually(
      async () => {
        const probe = await connect(b.baseUrl, "/api/runs", from);
        probe.send({ type: "session/open", payload: { code: moving.code, key }, meta: {} });
        const m = await probe.until(() => probe.messages.find((x) => x.type === "session/opened" || x.type === "error"));
        const same = m.type === "session/opened" && m.payload.code === moving.code;
        if (!same && m.type === "session/opened") probe.send({ type: "session/close", payload: {}, meta: {} });
        return { probe, same };
      },
      (r) => r.same,
    );
    expect(back.same).toBe(true);
    expect((await tryPresent(a.baseUrl, from)).error).toMatch(/^Your network already presents 2/);
    // Node A gave the moved session's place up: with the other one closed, the address presents one session.
    kept.presenter.send({ type: "session/close", payload: {}, meta: {} });
    expect(
      (
        await eventually(
          () => tryPresent(a.baseUrl, from),
          (o) => o.code !== undefined,
        )
      ).code,
    ).toBeDefined();
    expect((await tryPresent(b.baseUrl, from)).error).toMatch(/^Your network already presents 2/);
  });

  it("frees what a killed node counted once it has been silent for WB_NODE_SILENT_MS", async () => {
    let c: NodeProcess | undefined;
    try {
      c = await startNode({
        REDIS_URL: redis.url,
        TRUST_PROXY: "127.0.0.1",
        WB_NODE_SILENT_MS: String(SILENT_MS),
        WB_RUNS_PER_CLIENT: String(CAP),
        WB_SESSIONS_PER_ADDRESS: String(CAP),
        WB_SPECTATORS_PER_ADDRESS: String(CAP),
        WB_WARM_POOL_SIZE: "0",
      });
      const from = "198.51.100.90";
      const { code } = await tryPresent(a.baseUrl, "198.51.100.91");
      const onC = await connect(c.url, "/api/runs", from);
      expect([await tryRun(onC, FOREVER), await tryRun(onC, FOREVER)].every((r) => r.startsWith("running"))).toBe(true);
      expect([(await tryPresent(c.url, from)).code, (await tryPresent(c.url, from)).code].every(Boolean)).toBe(true);
      expect([(await tryWatch(c.url, code!, from)).outcome, (await tryWatch(c.url, code!, from)).outcome]).toEqual(["seated", "seated"]);

      const onB = await connect(b.baseUrl, "/api/runs", from);
      expect(await tryRun(onB, QUICK)).toBe(tooManyRunsFromAddress(CAP));
      expect((await tryPresent(b.baseUrl, from)).error).toMatch(/^Your network already presents 2/);
      expect((await tryWatch(b.baseUrl, code!, from)).outcome).toBe(seatsTakenSentence(CAP));

      c.child.kill("SIGKILL");
      await c.exited;
      expect(
        await eventually(
          () => tryRun(onB, QUICK),
          (r) => r.startsWith("running"),
        ),
      ).toMatch(/^running/);
      expect(
        (
          await eventually(
            () => tryPresent(b.baseUrl, from),
            (o) => o.code !== undefined,
          )
        ).code,
      ).toBeDefined();
      expect(
        (
          await eventually(
            () => tryWatch(b.baseUrl, code!, from),
            (s) => s.outcome === "seated",
          )
        ).outcome,
      ).toBe("seated");
    } finally {
      await c?.stop();
    }
  }, 120_000);
});
