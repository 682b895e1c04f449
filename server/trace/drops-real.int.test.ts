import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { Supervisor } from "../sandbox/supervisor.js";
import { runProgram, testLimits } from "../sandbox/test/run-program.js";

let supervisor: Supervisor;
beforeAll(async () => (supervisor = await Supervisor.create({ driver: "auto", limits: testLimits() })));
afterAll(() => supervisor.close());

const ofType = <T extends TraceEvent["type"]>(events: TraceEvent[], type: T) => events.filter((e): e is TraceEventOf<T> => e.type === type);

/** Runs a program in the sandbox; its drops as "reason at socket-name from peer-name ×count", and its diagnostic codes. */
async function dropsOf(source: string): Promise<{ drops: string[]; codes: string[]; stdout: string }> {
  const { exit, events, stdout } = await runProgram(
    supervisor,
    `import * as zmq from "zeromq";\nconst pause = (ms) => new Promise((r) => setTimeout(r, ms));\n${source}`,
  );
  expect(exit.reason, `${exit.message}\n${stdout}`).toBe("ok");
  const names = new Map(ofType(events, "socket/name").map((e) => [e.socket, e.name]));
  const drops = ofType(events, "message/drop").map((d) => `${d.reason} at ${names.get(d.socket)}${d.peer ? ` from ${names.get(d.peer)}` : ""} ×${d.count}`);
  return { drops, codes: ofType(events, "diagnostic").map((d) => d.code), stdout };
}

describe("why a message did not arrive, on real sockets", () => {
  it("filtered: a SUB whose subscription matches nothing published, and a forwarder that never subscribed upstream", async () => {
    const { drops, codes } = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0 });
await pub.bind("inproc://news");
const sub = new zmq.Subscriber({ linger: 0 });
sub.connect("inproc://news");
sub.subscribe("weather");
const upstream = new zmq.XSubscriber({ linger: 0 });
upstream.connect("inproc://news");
await pause(50);
for (const m of ["sports 1", "sports 2", "weather 1"]) await pub.send(m);
console.log(String(await sub.receive()));
for (const s of [pub, sub, upstream]) s.close();
`);
    expect(drops.sort()).toEqual(["filtered at sub from pub ×2", "filtered at upstream from pub ×3"]);
    expect(codes).toContain("messages-filtered");
  });

  it("not filtered: a SUB subscribed to what is published", async () => {
    const { drops, codes, stdout } = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0 });
await pub.bind("inproc://news");
const sub = new zmq.Subscriber({ linger: 0 });
sub.connect("inproc://news");
sub.subscribe("sports", "weather");
await pause(50);
for (const m of ["sports 1", "sports 2", "weather 1"]) await pub.send(m);
for (let i = 0; i < 3; i++) console.log(String(await sub.receive()));
pub.close(); sub.close();
`);
    expect(stdout).toContain("weather 1");
    expect(drops).toEqual([]);
    expect(codes).toEqual([]);
  });

  it("no route: a ROUTER replying to a routing id no peer has", async () => {
    const { drops, codes } = await dropsOf(`
const router = new zmq.Router({ linger: 0 });
await router.bind("inproc://svc");
const dealer = new zmq.Dealer({ linger: 0, routingId: "a" });
dealer.connect("inproc://svc");
await dealer.send("hi");
const [id] = await router.receive();
await router.send(["nobody", "lost"]);
await router.send([id, "ok"]);
console.log(String(await dealer.receive()));
router.close(); dealer.close();
`);
    expect(drops).toEqual(["no-route at router ×1"]);
    expect(codes).toContain("unroutable");
  });

  it("routed: a ROUTER replying with the identity it received", async () => {
    const { drops } = await dropsOf(`
const router = new zmq.Router({ linger: 0 });
await router.bind("inproc://svc");
const dealer = new zmq.Dealer({ linger: 0 });
dealer.connect("inproc://svc");
await dealer.send("hi");
const [id] = await router.receive();
await router.send([id, "ok"]);
console.log(String(await dealer.receive()));
router.close(); dealer.close();
`);
    expect(drops).toEqual([]);
  });

  it("high-water mark: a PUB flooding a subscriber with a small queue, and not when the subscriber keeps up", async () => {
    const flood = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0, sendHighWaterMark: 10 });
await pub.bind("inproc://flood");
const sub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 10, receiveTimeout: 50 });
sub.connect("inproc://flood");
sub.subscribe();
await pause(20);
for (let i = 0; i < 500; i++) await pub.send("m" + i);
try { for (;;) await sub.receive(); } catch {}
pub.close(); sub.close();
`);
    expect(flood.drops).toHaveLength(1);
    expect(flood.drops[0]).toMatch(/^hwm at sub from pub ×\d+$/);
    const steady = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0, sendHighWaterMark: 10 });
await pub.bind("inproc://flood");
const sub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 10 });
sub.connect("inproc://flood");
sub.subscribe();
await pause(20);
for (let i = 0; i < 500; i++) { await pub.send("m" + i); await sub.receive(); }
pub.close(); sub.close();
`);
    expect(steady.drops).toEqual([]);
  });

  it("before subscription: a publish before the subscriber connected (the slow joiner)", async () => {
    const { drops, codes } = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0 });
await pub.bind("inproc://news");
await pub.send("early");
const sub = new zmq.Subscriber({ linger: 0 });
sub.connect("inproc://news");
sub.subscribe();
await pause(50);
await pub.send("late");
console.log(String(await sub.receive()));
pub.close(); sub.close();
`);
    expect(drops).toEqual(["before-subscription at sub from pub ×1"]);
    expect(codes).toEqual(["slow-joiner"]);
  });

  it("no slow-joiner warning when the subscriber got 5 of 5", async () => {
    const { drops, codes, stdout } = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0 });
await pub.bind("tcp://127.0.0.1:*");
const sub = new zmq.Subscriber({ linger: 0 });
sub.connect(pub.lastEndpoint);
sub.subscribe();
await pause(200);
for (let i = 1; i <= 5; i++) await pub.send("m" + i);
let got = 0;
for (let i = 0; i < 5; i++) { await sub.receive(); got++; }
console.log("subscriber got " + got + " of 5");
pub.close(); sub.close();
`);
    expect(stdout).toContain("subscriber got 5 of 5");
    expect(drops).toEqual([]);
    expect(codes).toEqual([]);
  });

  it("no peer: a PUB publishing while no subscriber ever connects, and not once one is there", async () => {
    const lonely = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0 });
await pub.bind("inproc://void");
for (let i = 0; i < 3; i++) await pub.send("hello?");
pub.close();
`);
    expect(lonely.drops).toEqual(["no-peer at pub ×3"]);
    expect(lonely.codes).toEqual(["published-to-nobody"]);
    const heard = await dropsOf(`
const pub = new zmq.Publisher({ linger: 0 });
await pub.bind("inproc://void");
const sub = new zmq.Subscriber({ linger: 0 });
sub.connect("inproc://void");
sub.subscribe();
await pause(20);
for (let i = 0; i < 3; i++) await pub.send("hello?");
for (let i = 0; i < 3; i++) await sub.receive();
pub.close(); sub.close();
`);
    expect(heard.drops).toEqual([]);
  });
});
