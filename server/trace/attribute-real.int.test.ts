import { describe, expect, it } from "vitest";
import type { TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { runProgram } from "../../sandboxed/runner/testing/run-program.js";
import { TraceProcessor } from "./trace-processor.js";

type Recv = TraceEventOf<"message/recv">;

async function attributed(source: string): Promise<TraceEvent[]> {
  const run = await runProgram({ "main.ts": source });
  expect(run.uncaught).toBeUndefined();
  const processor = new TraceProcessor();
  const end = run.events.at(-1)?.t ?? 0;
  return [...processor.process(run.events, end), ...processor.finish(run.totals, end)];
}

const receivesOf = (events: TraceEvent[]) => events.filter((e): e is Recv => e.type === "message/recv");

describe("message attribution on real sockets", () => {
  it("PUSH to three PULLs: round-robin, each receive attributed to the PUSH", async () => {
    const events = await attributed(`
import { Push, Pull } from "zeromq";
const push = new Push({ linger: 0 });
await push.bind("tcp://127.0.0.1:*");
const pulls = [new Pull({ linger: 0 }), new Pull({ linger: 0 }), new Pull({ linger: 0 })];
for (const pull of pulls) pull.connect(push.lastEndpoint!);
await new Promise((r) => setTimeout(r, 100));
for (let i = 0; i < 6; i++) await push.send("task " + i);
for (const pull of pulls) for (let i = 0; i < 2; i++) await pull.receive();
for (const s of [push, ...pulls]) s.close();
`);
    const receives = receivesOf(events);
    expect(receives).toHaveLength(6);
    expect(receives.every((e) => e.from === "s1")).toBe(true);
    const bySocket = new Map<string, number>();
    for (const e of receives) bySocket.set(e.socket, (bySocket.get(e.socket) ?? 0) + 1);
    expect([...bySocket.values()]).toEqual([2, 2, 2]);
  });

  it("PUB fan-out: a topic reaches only the two subscribers to it, each attributed to the PUB", async () => {
    const events = await attributed(`
import { Publisher, Subscriber } from "zeromq";
const pub = new Publisher({ linger: 0 });
await pub.bind("inproc://news");
const subs = ["weather", "weather", "sports"].map((topic) => {
  const sub = new Subscriber({ linger: 0 });
  sub.connect("inproc://news");
  sub.subscribe(topic);
  return sub;
});
await new Promise((r) => setTimeout(r, 50));
await pub.send(["weather", "rain"]);
await subs[0].receive();
await subs[1].receive();
for (const s of [pub, ...subs]) s.close();
`);
    expect(receivesOf(events).map((e) => `${e.socket}<${e.from}`)).toEqual(["s2<s1", "s3<s1"]);
    expect(events.filter((e) => e.type === "message/send")).toHaveLength(1);
  });

  it("REQ through ROUTER/DEALER to REP: envelopes left out, replies routed by identity", async () => {
    const events = await attributed(`
import { Router, Dealer, Request, Reply } from "zeromq";
const router = new Router({ linger: 0 });
await router.bind("inproc://front");
const dealer = new Dealer({ linger: 0 });
await dealer.bind("inproc://back");
const rep = new Reply({ linger: 0 });
rep.connect("inproc://back");
const reqs = [new Request({ linger: 0 }), new Request({ linger: 0 })];
for (const req of reqs) req.connect("inproc://front");
for (const [i, req] of reqs.entries()) {
  await req.send("hello " + i);
  await dealer.send(await router.receive());
  const [q] = await rep.receive();
  await rep.send("re: " + q);
  await router.send(await dealer.receive());
  await req.receive();
}
for (const s of [router, dealer, rep, ...reqs]) s.close();
`);
    const path = receivesOf(events).map((e) => `${e.socket}<${e.from}`);
    expect(path).toEqual(["s1<s4", "s3<s2", "s2<s3", "s4<s1", "s1<s5", "s3<s2", "s2<s3", "s5<s1"]);
    const routerSends = events.filter((e): e is TraceEventOf<"message/send"> => e.type === "message/send" && e.socket === "s1");
    expect(routerSends.map((e) => e.peer)).toEqual(["s4", "s5"]);
    expect(routerSends[0].frames.map((f) => f.envelope)).toEqual(["identity", "delimiter", undefined]);
  });
});
