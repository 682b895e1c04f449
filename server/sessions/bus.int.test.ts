import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { BusMessage, SessionBus, SessionRecord } from "./bus.js";
import { hashKey } from "./bus.js";
import { MemoryBus, MemoryBusNetwork } from "./memory-bus.js";
import { RedisBus } from "./redis-bus.js";
import { startRedis, type RunningService } from "../test/services.js";

let redis: RunningService;
const clients: Redis[] = [];
beforeAll(async () => (redis = await startRedis()), 60_000);
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

/** Two nodes' buses over the same shared state. */
const kinds: Array<{ name: string; pair: () => [SessionBus, SessionBus] }> = [
  {
    name: "memory",
    pair: () => {
      const net = new MemoryBusNetwork();
      return [new MemoryBus("a", net), new MemoryBus("b", net)];
    },
  },
  {
    name: "Redis",
    pair: () => {
      const [x, y] = [new Redis(redis.url), new Redis(redis.url)];
      clients.push(x, y);
      return [new RedisBus("a", x), new RedisBus("b", y)];
    },
  },
];

let codes = 0;
const record = (key = "the-presenter-key"): SessionRecord => ({
  code: `T${String(++codes).padStart(5, "0")}`,
  keyHash: hashKey(key),
  createdAt: Date.now(),
  expiresAt: Date.now() + 60_000,
});
const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

async function followed(bus: SessionBus, code: string, onMessage: (m: BusMessage) => void) {
  const following = await bus.follow(code, onMessage);
  if (!following) throw new Error(`session ${code} is not there to follow`);
  return following;
}

describe.each(kinds)("session bus over $name", ({ pair }) => {
  it("gives a join code to one session in the whole cluster", async () => {
    const [a, b] = pair();
    const r = record();
    expect(await a.reserve(r)).toBe(true);
    expect(await b.reserve({ ...r, keyHash: hashKey("another") })).toBe(false);
    expect(await b.exists(r.code)).toBe(true);
    expect(await b.follow("NOSUCH", () => {})).toBeUndefined();
  });

  it("hands a node that starts following the state so far, then every later change once, in order", async () => {
    const [a, b] = pair();
    const r = record();
    await a.reserve(r);
    const run = { runId: "r1", entry: "main.ts", files: { "main.ts": "" } };
    await a.publish(r.code, { kind: "run", run });
    const event = (t: number) => ({ type: "console" as const, t, stream: "stdout" as const, text: `${t}\n` });
    const publishing = (async () => {
      for (let t = 0; t < 50; t++) await a.publish(r.code, { kind: "trace", runId: "r1", events: [event(t)], recorded: "all" });
    })();
    const seen: BusMessage[] = [];
    const following = await followed(b, r.code, (m) => seen.push(m));
    await publishing;
    await a.publish(r.code, { kind: "view", view: { paused: true, speed: 1, cursor: 7 } });
    await until(() => seen.some((m) => m.kind === "view"));
    const later = seen.flatMap((m) => (m.kind === "trace" ? m.events.map((e) => e.t) : []));
    const all = [...following.state.events.map((e) => e.t), ...later];
    expect(all).toEqual(Array.from({ length: 50 }, (_, t) => t));
    expect(following.state.run).toEqual(run);
    await following.stop();
  });

  it("records only lifecycle events of a batch once the recording is full", async () => {
    const [a, b] = pair();
    const r = record();
    await a.reserve(r);
    await a.publish(r.code, { kind: "run", run: { runId: "r2", entry: "main.ts", files: { "main.ts": "" } } });
    const send = { type: "message/send" as const, t: 1, socket: "s1", frames: [{ size: 1, preview: "x" }] };
    const open = { type: "socket/open" as const, t: 1, socket: "s1", kind: "PUSH" };
    await a.publish(r.code, { kind: "trace", runId: "r2", events: [send, open] as never, recorded: "lifecycle" });
    const following = await followed(b, r.code, () => {});
    expect(following.state.events.map((e) => e.type)).toEqual(["socket/open"]);
    await following.stop();
  });

  it("lets the presenter's key, and only it, take the session to another node while the presenter is away", async () => {
    const [a, b] = pair();
    const r = record("k-1");
    await a.reserve(r);
    expect(await b.claim(r.code, "k-1")).toBe(false); // the presenter is still connected to a
    await a.publish(r.code, { kind: "presenter", node: "a", goneSince: Date.now() });
    expect(await b.claim(r.code, "not-it")).toBe(false);
    expect(await b.claim(r.code, "k-1")).toBe(true);
    expect(await a.claim(r.code, "k-1")).toBe(false); // taken: a second tab cannot take it again
    const following = await followed(a, r.code, () => {});
    expect(following.state.presenterNode).toBe("b");
    await following.stop();
  });

  it("forgets an ended session everywhere", async () => {
    const [a, b] = pair();
    const r = record();
    await a.reserve(r);
    const seen: BusMessage[] = [];
    const following = await followed(b, r.code, (m) => seen.push(m));
    await a.publish(r.code, { kind: "ended", reason: "done" });
    await until(() => seen.some((m) => m.kind === "ended"));
    expect(await a.exists(r.code)).toBe(false);
    await following.stop();
  });
});
