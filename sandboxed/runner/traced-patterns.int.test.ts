import { Value } from "@sinclair/typebox/value";
import { describe, expect, it } from "vitest";
import { TraceEvent } from "../../protocol/trace.js";
import { eventsOfType, runProgram, type ProgramRun } from "./testing/run-program.js";

function expectValidTrace(run: ProgramRun): void {
  expect(run.uncaught).toBeUndefined();
  expect(run.code).toBe(0);
  for (const event of run.events) expect(Value.Check(TraceEvent, event), JSON.stringify(event)).toBe(true);
}

describe("traced socket patterns", () => {
  it("PUB/SUB: subscription, kinds and counted messages", async () => {
    const run = await runProgram({
      "main.ts": `
import { Publisher, Subscriber } from "zeromq";
const pub = new Publisher({ linger: 0 });
await pub.bind("inproc://news");
const sub = new Subscriber({ linger: 0 });
sub.connect("inproc://news");
sub.subscribe("weather");
await new Promise((r) => setTimeout(r, 50));
await pub.send(["sports", "goal"]);
await pub.send(["weather", "rain"]);
const [topic, body] = await sub.receive();
console.log(String(topic), String(body));
pub.close();
sub.close();
`,
    });
    expectValidTrace(run);
    expect(run.stdout).toBe("weather rain\n");
    expect(eventsOfType(run, "socket/open").map((e) => e.kind)).toEqual(["PUB", "SUB"]);
    expect(eventsOfType(run, "socket/option")).toContainEqual(expect.objectContaining({ socket: "s2", name: "subscribe", value: ["weather"] }));
    expect(run.totals).toEqual({ s1: { sent: 2, received: 0 }, s2: { sent: 0, received: 1 } });
    expect(eventsOfType(run, "diagnostic")).toEqual([]);
  });

  it("PUSH/PULL over inproc with the async iterator", async () => {
    const run = await runProgram({
      "main.ts": `
import { Push, Pull } from "zeromq";
const pull = new Pull();
await pull.bind("inproc://work");
const push = new Push();
push.connect("inproc://work");
for (let i = 1; i <= 3; i++) await push.send("task " + i);
let n = 0;
for await (const [task] of pull) {
  console.log(String(task));
  if (++n === 3) break;
}
push.close();
pull.close();
`,
    });
    expectValidTrace(run);
    expect(run.stdout).toBe("task 1\ntask 2\ntask 3\n");
    expect(eventsOfType(run, "socket/bind")[0]).toMatchObject({ endpoint: "inproc://work", resolved: "inproc://work" });
    expect(eventsOfType(run, "message/recv").map((e) => [e.socket, e.seq, e.frames[0].preview])).toEqual([
      ["s1", 1, "task 1"],
      ["s1", 2, "task 2"],
      ["s1", 3, "task 3"],
    ]);
    expect(run.totals).toEqual({ s1: { sent: 0, received: 3 }, s2: { sent: 3, received: 0 } });
  });

  it("DEALER/ROUTER: routing identity and delimiter frames are marked", async () => {
    const run = await runProgram({
      "main.ts": `
import { Dealer, Router } from "zeromq";
const router = new Router({ linger: 0 });
await router.bind("tcp://127.0.0.1:*");
const dealer = new Dealer({ linger: 0, routingId: "client-1" });
dealer.connect(router.lastEndpoint!);
await dealer.send(["", "ping"]);
const [id, delimiter, body] = await router.receive();
await router.send([id, "", "pong"]);
const [, answer] = await dealer.receive();
console.log(String(id), String(body), String(answer));
router.close();
dealer.close();
`,
    });
    expectValidTrace(run);
    expect(run.stdout).toBe("client-1 ping pong\n");
    const [routerRecv] = eventsOfType(run, "message/recv").filter((e) => e.kind === "ROUTER");
    expect(routerRecv.frames.map((f) => [f.preview, f.envelope])).toEqual([
      ["client-1", "identity"],
      ["", "delimiter"],
      ["ping", undefined],
    ]);
    expect(eventsOfType(run, "socket/option")).toContainEqual(expect.objectContaining({ kind: "DEALER", name: "routingId", value: "client-1" }));
    expect(run.totals).toEqual({ s1: { sent: 1, received: 1 }, s2: { sent: 1, received: 1 } });
  });

  it("shows binary frames as hex and keeps at most 256 bytes of head", async () => {
    const run = await runProgram({
      "main.ts": `
import { Pair } from "zeromq";
const a = new Pair({ linger: 0 });
await a.bind("inproc://pair");
const b = new Pair({ linger: 0 });
b.connect("inproc://pair");
await a.send([new Uint8Array([0, 1, 2, 255]), Buffer.alloc(1000, 0x41)]);
await b.receive();
a.close();
b.close();
`,
    });
    expectValidTrace(run);
    const [binary, big] = eventsOfType(run, "message/send")[0].frames;
    expect(binary).toEqual({ size: 4, preview: "000102ff", head: "AAEC/w==" });
    expect(big.size).toBe(1000);
    expect(big.preview).toBe(`${"A".repeat(64)}…`);
    expect(Buffer.from(big.head!, "base64")).toHaveLength(256);
  });

  it("reports options set as properties after construction", async () => {
    const run = await runProgram({
      "main.ts": `
import { Reply } from "zeromq";
const rep = new Reply();
rep.receiveTimeout = 250;
rep.linger = 0;
console.log(rep.receiveTimeout);
rep.close();
`,
    });
    expectValidTrace(run);
    expect(run.stdout).toBe("250\n");
    expect(eventsOfType(run, "socket/option").map((e) => [e.name, e.value])).toEqual([
      ["receiveTimeout", 250],
      ["linger", 0],
    ]);
  });

  it("Proxy forwards through traced sockets both ways, so its traffic is visible", async () => {
    const run = await runProgram({
      "main.ts": `
import { Proxy, Router, Dealer, Request, Reply } from "zeromq";
const proxy = new Proxy(new Router({ linger: 0 }), new Dealer({ linger: 0 }));
await proxy.frontEnd.bind("inproc://front");
await proxy.backEnd.bind("inproc://back");
const running = proxy.run();
const rep = new Reply({ linger: 0 });
rep.connect("inproc://back");
const req = new Request({ linger: 0 });
req.connect("inproc://front");
await req.send("ping");
const [question] = await rep.receive();
await rep.send("pong to " + question);
console.log(String((await req.receive())[0]));
proxy.terminate();
await running;
console.log(proxy.frontEnd.closed, proxy.backEnd.closed);
req.close();
rep.close();
`,
    });
    expectValidTrace(run);
    expect(run.stdout).toBe("pong to ping\ntrue true\n");
    expect(run.totals).toEqual({
      s1: { sent: 1, received: 1 },
      s2: { sent: 1, received: 1 },
      s3: { sent: 1, received: 1 },
      s4: { sent: 1, received: 1 },
    });
  });

  it("XPUB/XSUB: subscriptions arrive as messages; unbind and disconnect are reported", async () => {
    const run = await runProgram({
      "main.ts": `
import { XPublisher, XSubscriber } from "zeromq";
const xpub = new XPublisher({ linger: 0 });
await xpub.bind("tcp://127.0.0.1:*");
const endpoint = xpub.lastEndpoint!;
const xsub = new XSubscriber({ linger: 0 });
xsub.connect(endpoint);
await xsub.send(Buffer.from([1, 0x74]));
const [subscription] = await xpub.receive();
console.log(subscription[0], String(subscription.subarray(1)));
xsub.disconnect(endpoint);
await xpub.unbind(endpoint);
xpub.close();
xsub.close();
`,
    });
    expectValidTrace(run);
    expect(run.stdout).toBe("1 t\n");
    expect(eventsOfType(run, "socket/open").map((e) => e.kind)).toEqual(["XPUB", "XSUB"]);
    expect(eventsOfType(run, "message/recv")[0].frames[0].preview).toBe("0174");
    const endpoint = eventsOfType(run, "socket/bind")[0].resolved;
    expect(eventsOfType(run, "socket/disconnect")).toEqual([expect.objectContaining({ socket: "s2", endpoint })]);
    expect(eventsOfType(run, "socket/unbind")).toEqual([expect.objectContaining({ socket: "s1", endpoint })]);
  });
});
