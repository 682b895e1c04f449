import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Supervisor } from "./supervisor.js";
import { bwrapSkipReason, runProgram, testLimits } from "./test/run-program.js";

const skipReason = await bwrapSkipReason();

// With the default descriptor limit, the socket limit is what a program with many tcp sockets meets first.
describe.skipIf(skipReason !== undefined)("socket capacity in the bwrap sandbox", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ RUN_WALL_MS: 20_000 }) });
  });
  afterAll(async () => {
    await supervisor?.close();
  });

  it("opens the socket limit's worth of tcp sockets, each bound or connected and monitored, then names the limit", async () => {
    const limit = supervisor.limits.SOCKETS;
    const outcome = await runProgram(
      supervisor,
      `
const zmq = require("zeromq");
(async () => {
  const sockets = [];
  for (let i = 0; i < ${limit}; i += 2) {
    const rep = new zmq.Reply({ linger: 0 });
    await rep.bind("tcp://127.0.0.1:" + (6000 + i));
    const req = new zmq.Request({ linger: 0 });
    req.connect("tcp://localhost:" + (6000 + i));
    await req.send("ping");
    await rep.receive();
    sockets.push(rep, req);
  }
  console.log("opened", sockets.length);
  try {
    new zmq.Pair();
  } catch (err) {
    console.log(err.message);
  }
  for (const s of sockets) s.close();
})();
`,
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout).toBe(
      `opened ${limit}\nsocket limit reached: a workbench run may have at most ${limit} sockets open at once (the sandbox's SOCKETS limit); close sockets you no longer need\n`,
    );
    expect(outcome.exit.reason).toBe("ok");
  });
});
