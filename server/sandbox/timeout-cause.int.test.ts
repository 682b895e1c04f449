import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Supervisor } from "./supervisor.js";
import { runProgram, testLimits } from "./test/run-program.js";

let supervisor: Supervisor;
beforeAll(async () => (supervisor = await Supervisor.create({ driver: "auto", limits: testLimits() })));
afterAll(() => supervisor.close());

const WALL_MS = 1_500;

// Real programs stopped at their time limit: the verdict's explanation names what the trace shows held them.
describe("what a timed-out run was waiting for", () => {
  it("names a socket still waiting for a message", async () => {
    const { exit } = await runProgram(
      supervisor,
      `
const zmq = require("zeromq");
const pull = new zmq.Pull();
pull.bind("tcp://127.0.0.1:5600").then(() => pull.receive());
`,
      { timeoutMs: WALL_MS },
    );
    expect(exit.reason).toBe("timeout");
    expect(exit.message).toContain("pull (PULL) was still open; a socket waiting in receive()");
  });

  it("names a closed socket whose unsent messages linger", async () => {
    const { exit, events } = await runProgram(
      supervisor,
      `
const zmq = require("zeromq");
const push = new zmq.Push();
push.connect("tcp://127.0.0.1:5601");
push.send("nobody takes this").then(() => push.close());
`,
      { timeoutMs: 2 * WALL_MS },
    ); // the workbench looks a second after close(), once the monitor had time to report
    expect(exit.reason).toBe("timeout");
    expect(exit.message).toContain("push (PUSH) was closed with messages no peer has received");
    expect(exit.message).not.toContain("still open");
    expect(events.some((e) => e.type === "diagnostic" && e.code === "closed-with-queued-messages")).toBe(true);
  });

  it("says it was neither a socket nor linger when every socket closed cleanly", async () => {
    const { exit } = await runProgram(
      supervisor,
      `
const zmq = require("zeromq");
const pair = new zmq.Pair();
pair.close();
setInterval(() => {}, 1000);
`,
      { timeoutMs: WALL_MS },
    );
    expect(exit.reason).toBe("timeout");
    expect(exit.message).toContain("Every socket had been closed, so something else kept it running: a loop that never ends, a timer (setInterval)");
  });

  it("does not warn about linger when the queued messages reached a peer", async () => {
    const { exit, events } = await runProgram(
      supervisor,
      `
const zmq = require("zeromq");
(async () => {
  const push = new zmq.Push();
  push.connect("tcp://127.0.0.1:5602");
  await push.send("queued before the peer is there");
  const pull = new zmq.Pull();
  await pull.bind("tcp://127.0.0.1:5602");
  await pull.receive();
  push.close();
  pull.close();
})();
`,
    );
    expect(exit.reason).toBe("ok");
    expect(events.filter((e) => e.type === "diagnostic" && /linger|queued/.test(e.code))).toEqual([]);
  });
});
