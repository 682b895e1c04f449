import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Supervisor } from "./supervisor.js";
import { runProgram, testLimits } from "./test/run-program.js";

let supervisor: Supervisor;
beforeAll(async () => (supervisor = await Supervisor.create({ driver: "auto", limits: testLimits() })));
afterAll(() => supervisor.close());

const PUSH_TO_THREE = `
import * as zmq from "zeromq";
const push = new zmq.Push(); await push.bind("inproc://jobs");
const pulls = [0, 1, 2].map(() => { const p = new zmq.Pull(); p.connect("inproc://jobs"); return p; });
await new Promise((r) => setTimeout(r, 50));
for (let i = 0; i < 6; i++) await push.send("job " + i);
for (const p of pulls) { await p.receive(); await p.receive(); p.close(); }
push.close();
const lonely = new zmq.Push({ linger: 0 }); lonely.connect("tcp://127.0.0.1:7999");
await new Promise((r) => setTimeout(r, 1200));
lonely.close();
`;

describe("the supervisor's trace processing, end to end", () => {
  it("attributes each received message to the socket that sent it and explains a connect nothing binds", async () => {
    const { exit, events } = await runProgram(supervisor, PUSH_TO_THREE);
    expect(exit.reason).toBe("ok");
    const push = events.find((e) => e.type === "socket/open" && e.kind === "PUSH") as { socket: string };
    const receives = events.filter((e) => e.type === "message/recv");
    expect(receives).toHaveLength(6);
    for (const r of receives) expect(r).toMatchObject({ from: push.socket });
    const perPull = new Map<string, number>();
    for (const r of receives) perPull.set(r.socket, (perPull.get(r.socket) ?? 0) + 1);
    expect([...perPull.values()]).toEqual([2, 2, 2]);
    const dangling = events.find((e) => e.type === "diagnostic" && e.code === "connect-nothing-bound");
    expect(dangling).toMatchObject({ severity: expect.any(String), message: expect.stringContaining("7999") });
  });
});

const QUEUE_IN_A_PROCESS = `
import * as zmq from "zeromq";
import { ProcessDevice } from "zmq-devices";
const device = new ProcessDevice("queue", "ROUTER", "DEALER");
device.bindIn("tcp://127.0.0.1:5570");
device.bindOut("tcp://127.0.0.1:5571");
await device.start();
const worker = new zmq.Reply({ linger: 0 }); worker.connect("tcp://127.0.0.1:5571");
const client = new zmq.Request({ linger: 0 }); client.connect("tcp://127.0.0.1:5570");
for (let i = 0; i < 3; i++) {
  await client.send("job " + i);
  const [job] = await worker.receive();
  await worker.send("done " + String(job).slice(4));
  console.log(String((await client.receive())[0]));
}
client.close(); worker.close();
await device.stop();
`;

describe("a device in a child process", () => {
  it("is traced like a thread: its sockets, the device node, cross-process edges and attribution, and totals", async () => {
    // A forked device process starts a second node: give it room on a busy machine.
    const { exit, events } = await runProgram(supervisor, QUEUE_IN_A_PROCESS, { timeoutMs: 20_000 });
    expect(exit).toMatchObject({ reason: "ok" });
    const opened = events.filter((e) => e.type === "socket/open") as Array<{ socket: string; kind: string; process?: number }>;
    const router = opened.find((e) => e.kind === "ROUTER")!;
    const dealer = opened.find((e) => e.kind === "DEALER")!;
    const client = opened.find((e) => e.kind === "REQ")!;
    const worker = opened.find((e) => e.kind === "REP")!;
    expect(router.process).toEqual(expect.any(Number));
    expect(dealer.process).toBe(router.process);
    expect(client.process).toBeUndefined();
    expect(router.socket).toMatch(/^p\d+\.s\d+$/);
    expect(events.filter((e) => e.type === "device/open")).toEqual([
      expect.objectContaining({ kind: "queue", sockets: [router.socket, dealer.socket], label: "queue (process)" }),
    ]);
    const receivesOf = (socket: string) => events.filter((e) => e.type === "message/recv" && e.socket === socket) as Array<{ from?: string }>;
    expect(receivesOf(worker.socket).map((r) => r.from)).toEqual([dealer.socket, dealer.socket, dealer.socket]);
    expect(receivesOf(router.socket).map((r) => r.from)).toEqual([client.socket, client.socket, client.socket]);
    expect(receivesOf(client.socket).map((r) => r.from)).toEqual([router.socket, router.socket, router.socket]);
    expect(exit.totals).toMatchObject({ [router.socket]: { received: 3, sent: 3 }, [dealer.socket]: { received: 3, sent: 3 } });
    expect(events.some((e) => e.type === "diagnostic" && e.code === "connect-nothing-bound")).toBe(false);
  });
});
