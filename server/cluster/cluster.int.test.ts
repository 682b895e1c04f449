// Two real nodes behind the repository's nginx configuration, sharing a real PostgreSQL and a real Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { startNginx, startPostgres, startRedis, type RunningService } from "../test/services.js";
import { startNode, type NodeProcess } from "../test/node-process.js";
import { WsProbe } from "../test/ws-client.js";

const hello = readFileSync(new URL("../../examples/hello.ts", import.meta.url), "utf8");
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
const finish = (probe: WsProbe, runId: string) =>
  probe.send({ type: "run/control", payload: { action: "set-param", name: "finish", value: true }, meta: { runId } });
const RUNS_PER_MINUTE = 4;
const SHARES_PER_MINUTE = 3;

let postgres: RunningService, redis: RunningService, nginx: RunningService;
let a: NodeProcess, b: NodeProcess;
const probes: WsProbe[] = [];
const connect = async (url: string, from?: string) => {
  const split = /^(ws:\/\/[^/]+)(\/.*)$/.exec(url);
  if (!split) throw new Error(`not a WebSocket URL: ${url}`);
  const probe = await WsProbe.connect(split[1], split[2], from);
  probes.push(probe);
  return probe;
};

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    TRUST_PROXY: "127.0.0.1",
    WB_WARM_POOL_SIZE: "1",
    WB_RUNS_PER_CLIENT_PER_MINUTE: String(RUNS_PER_MINUTE),
    WB_SHARES_PER_ADDRESS_PER_MINUTE: String(SHARES_PER_MINUTE),
    WB_DRAIN_MS: "30000",
  };
  [a, b] = await Promise.all([startNode(env), startNode(env)]);
  nginx = await startNginx([a.address, b.address]);
}, 90_000);

afterAll(async () => {
  for (const p of probes) p.ws.terminate();
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([nginx?.stop(), redis?.stop(), postgres?.stop()]);
}, 60_000);

async function openSession(node: NodeProcess) {
  const presenter = await connect(`${node.ws}/api/runs`);
  presenter.send({ type: "session/open", payload: {}, meta: {} });
  const opened = await presenter.until(() => presenter.messages.find((m) => m.type === "session/opened"));
  if (opened.type !== "session/opened") throw new Error("unreachable");
  return { presenter, code: opened.payload.code, key: opened.payload.key };
}

/**
 * The presenter's reconnection to another node: node A may not have noticed the dropped connection yet, and then
 * the session is not free to take; the browser would try again, and so does this.
 */
async function reclaimOn(node: NodeProcess, code: string, key: string): Promise<WsProbe> {
  for (let attempt = 0; ; attempt++) {
    const back = await connect(`${node.ws}/api/runs`);
    back.send({ type: "session/open", payload: { code, key }, meta: {} });
    const opened = await back.until(() => back.messages.find((m) => m.type === "session/opened"));
    if (opened.type === "session/opened" && opened.payload.code === code) return back;
    back.send({ type: "session/close", payload: {}, meta: {} });
    back.ws.close();
    if (attempt === 20) throw new Error("the presenter could not take the session back on another node");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("two nodes behind nginx, with PostgreSQL and Redis", () => {
  it("opens through node B a share created through node A, and through the proxy", async () => {
    const files = { "main.ts": hello };
    const created = await fetch(`${a.url}/api/shares`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ files }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const base of [b.url, nginx.url]) {
      const got = await fetch(`${base}/api/shares/${id}`);
      expect(got.status).toBe(200);
      expect(await got.json()).toMatchObject({ id, files, entry: "main.ts" });
    }
  });

  it("shows spectators on node B the run of a presenter on node A, pause mirrored, and lets the presenter come back on B", async () => {
    const { presenter, code, key } = await openSession(a);
    const spectators = await Promise.all([1, 2].map(() => connect(`${b.ws}/api/sessions/${code}/watch`)));
    for (const s of spectators) await s.until(() => s.messages.find((m) => m.type === "session/snapshot"));
    await presenter.until(() => presenter.messages.find((m) => m.type === "session/audience" && m.payload.spectators === 2));
    expect(await (await fetch(`${nginx.url}/api/sessions/${code}`)).json()).toMatchObject({ code, spectators: 2 });

    presenter.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: "across" } });
    for (const s of spectators) {
      expect((await s.exitOf("across")).reason).toBe("ok");
      await presenter.exitOf("across");
      expect(s.events("across")).toEqual(presenter.events("across"));
    }
    presenter.send({ type: "session/view", payload: { paused: true, speed: 0.5, cursor: 12 }, meta: {} });
    for (const s of spectators) {
      const view = await s.until(() => s.messages.find((m) => m.type === "session/view"));
      expect(view.payload).toEqual({ paused: true, speed: 0.5, cursor: 12 });
    }
    const late = await connect(`${b.ws}/api/sessions/${code}/watch`);
    const snapshot = await late.until(() => late.messages.find((m) => m.type === "session/snapshot"));
    expect(snapshot.type === "session/snapshot" && snapshot.payload).toMatchObject({
      run: { runId: "across" },
      view: { paused: true, cursor: 12 },
      events: presenter.events("across"),
    });

    presenter.ws.terminate();
    const back = await reclaimOn(b, code, key);
    back.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: "from-b" } });
    for (const s of [...spectators, late]) expect((await s.exitOf("from-b")).reason).toBe("ok");
  });

  it("counts one client's shares on both nodes together (@fastify/rate-limit's Redis store)", async () => {
    const share = (node: NodeProcess, from: string, n: number) =>
      fetch(`${node.url}/api/shares`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": from },
        body: JSON.stringify({ files: { "main.ts": `// ${n}` } }),
      });
    const statuses: number[] = [];
    for (let n = 0; n <= SHARES_PER_MINUTE; n++) statuses.push((await share(n % 2 ? b : a, "203.0.113.9", n)).status);
    expect(statuses).toEqual([...Array(SHARES_PER_MINUTE).fill(201), 429]);
    expect((await share(b, "203.0.113.10", 99)).status).toBe(201);
  });

  it("counts one client's runs on both nodes together", async () => {
    const client = "203.0.113.7";
    const [onA, onB] = await Promise.all([connect(`${a.ws}/api/runs`, client), connect(`${b.ws}/api/runs`, client)]);
    const allowed = Array.from({ length: RUNS_PER_MINUTE }, (_, i) => {
      const probe = i % 2 ? onB : onA;
      probe.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: `limited-${i}` } });
      return probe.exitOf(`limited-${i}`);
    });
    for (const exit of await Promise.all(allowed)) expect(exit.reason).toBe("ok");
    for (const probe of [onA, onB]) {
      probe.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: "one-too-many" } });
      expect(await probe.errorFor("one-too-many")).toMatch(/starting runs too quickly/);
    }
    const other = await connect(`${a.ws}/api/runs`, "203.0.113.8");
    other.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: "someone-else" } });
    expect((await other.exitOf("someone-else")).reason).toBe("ok");
  });

  it("lets node A finish its run after SIGTERM while new runs through the proxy go to node B", async () => {
    const onA = await connect(`${a.ws}/api/runs`);
    const closed = new Promise<number>((resolve) => onA.ws.once("close", (code) => resolve(code)));
    onA.send({ type: "run/start", payload: { files: { "main.ts": lasting } }, meta: { runId: "going" } });
    await onA.until(() => onA.events("going").find((e) => e.type === "console" && e.text.includes("started")));

    a.child.kill("SIGTERM");
    await onA.until(
      async () =>
        ((await (await fetch(`${a.url}/api/health`).catch(() => undefined))?.json()) as { acceptingRuns?: boolean } | undefined)?.acceptingRuns === false ||
        undefined,
    );
    const viaProxy = await connect(`${nginx.url.replace("http", "ws")}/api/runs`);
    viaProxy.send({ type: "run/start", payload: { files: { "main.ts": hello } }, meta: { runId: "elsewhere" } });
    expect((await viaProxy.exitOf("elsewhere")).reason).toBe("ok");
    expect(a.child.exitCode).toBeNull(); // A is still finishing its run
    expect(onA.events("going").find((e) => e.type === "run/exit")).toBeUndefined();

    finish(onA, "going");
    expect((await onA.exitOf("going")).reason).toBe("ok");
    expect(await closed).toBe(1012);
    expect(await a.exited).toBe(0);
    expect(await (await fetch(`${nginx.url}/api/health`)).json()).toMatchObject({ ok: true, acceptingRuns: true });
  });
});
