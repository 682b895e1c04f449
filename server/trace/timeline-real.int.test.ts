import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { Supervisor } from "../sandbox/supervisor.js";
import { runProgram, testLimits } from "../sandbox/test/run-program.js";

let supervisor: Supervisor;
beforeAll(async () => (supervisor = await Supervisor.create({ driver: "auto", limits: testLimits({ MESSAGE_EVENTS: 40 }) })));
afterAll(() => supervisor.close());

const TWO_CLIENTS = `
import * as zmq from "zeromq";
const server = new zmq.Reply({ linger: 0 });
await server.bind("inproc://hello");
const clients = [new zmq.Request({ linger: 0 }), new zmq.Request({ linger: 0 })];
for (const c of clients) c.connect("inproc://hello");
(async () => { for await (const [m] of server) await server.send("World " + m); })().catch(() => {});
for (const [i, c] of clients.entries()) await c.send(String(i));
for (const c of clients) console.log("reply: " + (await c.receive()));
for (const c of clients) c.close();
server.close();
`;

const FLOOD = `
import * as zmq from "zeromq";
const pull = new zmq.Pull({ linger: 0 });
await pull.bind("inproc://flood");
const push = new zmq.Push({ linger: 0 });
push.connect("inproc://flood");
for (let i = 0; i < 200; i++) { await push.send("m" + i); await pull.receive(); }
push.close(); pull.close();
`;

const body = (events: TraceEvent[]) => events.filter((e) => e.type !== "run/start");

describe("a timeline that never lies, on real runs", () => {
  it("orders console lines, socket events and messages by time: each reply is received before it is printed", async () => {
    const { exit, events } = await runProgram(supervisor, TWO_CLIENTS);
    expect(exit.reason).toBe("ok");
    const times = body(events).map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const printed = events.findIndex((e) => e.type === "console" && e.text.includes("reply"));
    const received = events.filter((e, i) => e.type === "message/recv" && e.kind === "REQ" && i < printed);
    expect(received.length).toBeGreaterThanOrEqual(1);
  });

  it("says where message sampling starts, in order, and not in a run that stays under the budget", async () => {
    const flood = await runProgram(supervisor, FLOOD);
    expect(flood.exit.reason).toBe("ok");
    const noteAt = flood.events.findIndex((e) => e.type === "trace/note" && e.code === "sampling-started");
    expect(noteAt).toBeGreaterThan(0);
    const messagesBefore = flood.events.slice(0, noteAt).filter((e) => e.type === "message/send" || e.type === "message/recv");
    expect(messagesBefore.length).toBe(40);
    const times = body(flood.events).map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const quiet = await runProgram(supervisor, TWO_CLIENTS);
    expect(quiet.events.some((e) => e.type === "trace/note")).toBe(false);
  });
});
