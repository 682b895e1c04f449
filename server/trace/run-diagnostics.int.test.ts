import { describe, expect, it } from "vitest";
import type { TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { runProgram } from "../../sandboxed/runner/testing/run-program.js";
import { TraceProcessor } from "./trace-processor.js";

/** Runs a program and returns the codes of every diagnostic, the runner's and the whole-run ones, as "code socket". */
async function diagnose(source: string, timeoutMs?: number): Promise<string[]> {
  const run = await runProgram({ "main.ts": source }, { timeoutMs });
  const processor = new TraceProcessor();
  const end = run.events.at(-1)?.t ?? 0;
  const events: TraceEvent[] = [...processor.process(run.events, end), ...processor.finish(run.totals, end)];
  return events.filter((e): e is TraceEventOf<"diagnostic"> => e.type === "diagnostic").map((d) => `${d.code} ${d.socket}`);
}

describe("diagnostics a learner meets", () => {
  it("connect-nothing-bound: a connect no bind in the run matches", async () => {
    expect(
      await diagnose(`
import { Push, Pull } from "zeromq";
const pull = new Pull({ linger: 0 });
await pull.bind("tcp://127.0.0.1:5600");
const push = new Push({ linger: 0 });
push.connect("tcp://127.0.0.1:5601");
push.close(); pull.close();
`),
    ).toEqual(["connect-nothing-bound s2"]);
  });

  it("incompatible-sockets: PUB connected to PULL", async () => {
    expect(
      await diagnose(`
import { Publisher, Pull } from "zeromq";
const pull = new Pull({ linger: 0 });
await pull.bind("inproc://x");
const pub = new Publisher({ linger: 0 });
pub.connect("inproc://x");
pub.close(); pull.close();
`),
    ).toEqual(["incompatible-sockets s2"]);
  });

  it("slow-joiner: publishing before the subscriber has connected", async () => {
    expect(
      await diagnose(`
import { Publisher, Subscriber } from "zeromq";
const pub = new Publisher({ linger: 0 });
await pub.bind("tcp://127.0.0.1:*");
await pub.send("lost");
const sub = new Subscriber({ linger: 0 });
sub.connect(pub.lastEndpoint!);
sub.subscribe();
pub.close(); sub.close();
`),
    ).toEqual(["slow-joiner s1"]);
  });

  it("messages-dropped: a PUB flooding a subscriber that cannot keep up", async () => {
    expect(
      await diagnose(`
import { Publisher, Subscriber } from "zeromq";
const pub = new Publisher({ linger: 0 });
await pub.bind("inproc://flood");
const sub = new Subscriber({ linger: 0, receiveTimeout: 50 });
sub.connect("inproc://flood");
sub.subscribe();
await new Promise((r) => setTimeout(r, 20));
for (let i = 0; i < 5000; i++) await pub.send("m");
try { for (;;) await sub.receive(); } catch {}
pub.close(); sub.close();
`),
    ).toEqual(["messages-dropped s2"]);
  });

  it("send-queue-full: a send that times out because no peer takes it", async () => {
    expect(
      await diagnose(`
import { Push } from "zeromq";
const push = new Push({ linger: 0, sendTimeout: 20 });
await push.bind("inproc://nobody");
await push.send("x").catch(() => {});
push.close();
`),
    ).toEqual(["send-queue-full s1"]);
  });

  it("address-in-use: binding an address another socket of the program holds", async () => {
    expect(
      await diagnose(`
import { Pull } from "zeromq";
const a = new Pull({ linger: 0 });
const b = new Pull({ linger: 0 });
await a.bind("tcp://127.0.0.1:5602");
await b.bind("tcp://*:5602").catch(() => {});
a.close(); b.close();
`),
    ).toEqual(["address-in-use s2"]);
  });

  it("zero-copy-buffer-mutated: rewriting a large buffer right after sending it", async () => {
    expect(
      await diagnose(`
import { Push, Pull } from "zeromq";
const pull = new Pull({ linger: 0 });
await pull.bind("inproc://zc");
const push = new Push({ linger: 0 });
push.connect("inproc://zc");
const buffer = Buffer.alloc(1000);
for (let i = 0; i < 3; i++) { buffer.fill(i); await push.send(buffer); }
for (let i = 0; i < 3; i++) await pull.receive();
push.close(); pull.close();
`),
    ).toEqual(["zero-copy-buffer-mutated s2"]);
  });

  it("linger-queued-messages: an open socket with undeliverable messages holds the exit", async () => {
    const codes = await diagnose(
      `
import { Push } from "zeromq";
const push = new Push();
push.connect("tcp://127.0.0.1:5603");
await push.send("never delivered");
`,
      // The run is ended by its time limit (linger holds it): room for the program to reach its send on a busy machine.
      5000,
    );
    expect(codes).toEqual(["sockets-left-open s1", "linger-queued-messages s1", "connect-nothing-bound s1"]);
  });

  it("says nothing about a correct program doing all of the above right", async () => {
    expect(
      await diagnose(`
import { Publisher, Subscriber, Push, Pull } from "zeromq";
const pub = new Publisher({ linger: 0 });
await pub.bind("tcp://127.0.0.1:*");
const sub = new Subscriber({ linger: 0 });
setTimeout(() => sub.connect(pub.lastEndpoint!), 300);
sub.subscribe();
const late = new Pull({ linger: 0 });
late.connect("inproc://bound-later");
await new Promise((r) => setTimeout(r, 450));
const binder = new Push({ linger: 0 });
await binder.bind("inproc://bound-later");
for (let i = 0; i < 500; i++) await pub.send("m" + i);
for (let i = 0; i < 500; i++) await sub.receive();
const pull = new Pull({ linger: 0 });
await pull.bind("inproc://zc");
const push = new Push({ linger: 0, sendTimeout: 1000 });
push.connect("inproc://zc");
for (let i = 0; i < 3; i++) await push.send(Buffer.alloc(1000, i));
for (let i = 0; i < 3; i++) await pull.receive();
for (const s of [pub, sub, push, pull, late, binder]) s.close();
`),
    ).toEqual([]);
  });
});
