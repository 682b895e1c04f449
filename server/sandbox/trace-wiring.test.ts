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
