import { Value } from "@sinclair/typebox/value";
import { describe, expect, it } from "vitest";
import { TraceEvent } from "../../protocol/trace.js";
import { eventsOfType, runProgram } from "./testing/run-program.js";

describe("observer events", () => {
  it("reports bind, accept, connect and handshake of tcp sockets, subscribed before the bind", async () => {
    const run = await runProgram({
      "main.ts": `
import { Push, Pull } from "zeromq";
const pull = new Pull({ linger: 0 });
await pull.bind("tcp://127.0.0.1:*");
const push = new Push({ linger: 0 });
push.connect(pull.lastEndpoint!);
await push.send("x");
await pull.receive();
push.close();
pull.close();
`,
    });
    expect(run.uncaught).toBeUndefined();
    for (const event of run.events) expect(Value.Check(TraceEvent, event), JSON.stringify(event)).toBe(true);
    const observed = eventsOfType(run, "socket/event").map((e) => `${e.socket} ${e.event}`);
    expect(observed).toEqual(expect.arrayContaining(["s1 bind", "s1 accept", "s1 handshake", "s2 connect", "s2 handshake"]));
    expect(observed.indexOf("s1 bind")).toBe(0);
    expect(eventsOfType(run, "socket/event").find((e) => e.event === "bind")?.endpoint).toBe(eventsOfType(run, "socket/bind")[0].resolved);
  });

  it("throttles connect:retry of a connect nobody answers, counting the attempts", async () => {
    const run = await runProgram({
      "main.ts": `
import { Push } from "zeromq";
const push = new Push({ linger: 0 });
push.connect("tcp://127.0.0.1:1");
await new Promise((r) => setTimeout(r, 1500));
push.close();
`,
    });
    const retries = eventsOfType(run, "socket/event").filter((e) => e.event === "connect:retry");
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.length).toBeLessThanOrEqual(3);
    expect(retries[0]).toMatchObject({ endpoint: "tcp://127.0.0.1:1", retries: 1, interval: expect.any(Number) });
    expect(retries[1].retries).toBeGreaterThan(2);
    expect(eventsOfType(run, "socket/event").filter((e) => e.event === "connect:delay")).toHaveLength(1);
  });

  it("does not keep a program alive that leaves a tcp socket open, and says so", async () => {
    const run = await runProgram(
      { "main.ts": `import { Pull } from "zeromq";\nconst pull = new Pull();\nawait pull.bind("tcp://127.0.0.1:*");\nconsole.log("done");\n` },
      { timeoutMs: 25_000 }, // kept alive, it would end only by the harness's kill signal
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(eventsOfType(run, "diagnostic")).toEqual([expect.objectContaining({ code: "sockets-left-open", socket: "s1", severity: "info" })]);
  });

  it("feeds learner Observers (receive, for await, events.on) from the workbench's monitor", async () => {
    const run = await runProgram({
      "main.ts": `
import { Observer, Pull, Push } from "zeromq";
const pull = new Pull({ linger: 0 });
const seen: string[] = [];
pull.events.on("accept", (e) => seen.push("on " + e.type));
const observer = new Observer(pull);
await pull.bind("tcp://127.0.0.1:*");
const first = await observer.receive();
seen.push("receive " + first?.type);
const push = new Push({ linger: 0 });
push.connect(pull.lastEndpoint!);
for await (const event of observer) {
  seen.push("iterate " + event.type);
  if (event.type === "handshake") break;
}
observer.close();
pull.events.close();
console.log(seen.join(","));
push.close();
pull.close();
`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("receive bind,on accept,iterate accept,iterate handshake\n");
  });
});

describe("telemetry across threads", () => {
  it("keeps observing main-thread sockets while a worker runs, and shares the message-event budget with it", async () => {
    const run = await runProgram(
      {
        "main.ts": `
import { Worker } from "node:worker_threads";
import { Pull } from "zeromq";
const pull = new Pull({ linger: 0 });
await pull.bind("tcp://127.0.0.1:*");
const worker = new Worker(new URL("./worker.ts", import.meta.url), { workerData: pull.lastEndpoint });
for (let i = 0; i < 200; i++) await pull.receive();
await new Promise((resolve) => worker.on("exit", resolve));
pull.close();
`,
        "worker.ts": `
import { workerData } from "node:worker_threads";
import { Push } from "zeromq";
await new Promise((r) => setTimeout(r, 300));
const push = new Push({ linger: 0 });
push.connect(workerData);
for (let i = 0; i < 200; i++) await push.send("m" + i);
push.close();
`,
      },
      { limits: { maxMessageEvents: 100 } },
    );
    expect(run.uncaught).toBeUndefined();
    expect(
      eventsOfType(run, "socket/event")
        .filter((e) => e.socket === "s1")
        .map((e) => e.event),
    ).toContain("accept");
    const messages = [...eventsOfType(run, "message/send"), ...eventsOfType(run, "message/recv")];
    expect(messages.length).toBeGreaterThanOrEqual(100);
    expect(messages.length).toBeLessThan(110);
  });

  it("reports per-socket rates every ~100 ms while messages flow", async () => {
    const run = await runProgram({
      "main.ts": `
import { Pair } from "zeromq";
const a = new Pair({ linger: 0 });
await a.bind("inproc://r");
const b = new Pair({ linger: 0 });
b.connect("inproc://r");
for (let i = 0; i < 30; i++) { await a.send("x"); await b.receive(); await new Promise((r) => setTimeout(r, 10)); }
a.close(); b.close();
`,
    });
    const rates = eventsOfType(run, "rates");
    expect(rates.length).toBeGreaterThanOrEqual(2);
    expect(rates[0].interval).toBeGreaterThanOrEqual(90);
    expect(rates[0].sockets.s1.sent).toBeGreaterThan(10);
    expect(rates[0].sockets.s2.received).toBeGreaterThan(10);
  });
});

describe("observers and busy sockets", () => {
  it("never closes an Observer while a bind is pending (libzmq would block on its next event and stop all traffic)", async () => {
    const run = await runProgram(
      {
        "main.ts": `
import { Push, Pull } from "zeromq";
for (let round = 0; round < 20; round++) {
  const pull = new Pull({ linger: 0 });
  await pull.bind("tcp://127.0.0.1:*");
  const push = new Push({ linger: 0 });
  push.connect(pull.lastEndpoint!);
  await push.send(new Float64Array(1 << 16));
  await pull.receive();
  push.close();
  pull.close();
}
console.log("all rounds done");
`,
      },
      { timeoutMs: 8000 },
    );
    expect(run.stdout).toBe("all rounds done\n");
  });
});
