import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Supervisor } from "./supervisor.js";
import { bwrapSkipReason, runProgram, testLimits } from "./test/run-program.js";

const skipReason = await bwrapSkipReason();

// Host names inside the real bwrap sandbox: the run's own loopback has names, anything else says why it never connects.
describe.skipIf(skipReason !== undefined)("host names in the bwrap sandbox", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits() });
  });
  afterAll(async () => {
    await supervisor?.close();
  });

  it("resolves localhost and ::1 for libzmq and for Node", async () => {
    const outcome = await runProgram(
      supervisor,
      `
const zmq = require("zeromq");
const dns = require("node:dns/promises");
async function roundTrip(bindAt, connectTo, ipv6) {
  const pull = new zmq.Pull({ ipv6 });
  await pull.bind(bindAt);
  const push = new zmq.Push({ ipv6 });
  push.connect(connectTo);
  await push.send(connectTo);
  const [message] = await pull.receive();
  push.close();
  pull.close();
  return String(message);
}
(async () => {
  console.log(require("node:fs").readdirSync("/etc").join(" "));
  console.log((await dns.lookup("localhost", { family: 4 })).address, (await dns.lookup("localhost", { family: 6 })).address);
  console.log(await roundTrip("tcp://127.0.0.1:5555", "tcp://localhost:5555", false));
  console.log(await roundTrip("tcp://[::1]:5556", "tcp://localhost:5556", true));
})();
`,
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout).toBe("hosts\n127.0.0.1 ::1\ntcp://localhost:5555\ntcp://localhost:5556\n");
    expect(outcome.exit.reason).toBe("ok");
  });

  it("says when a host name does not resolve, instead of retrying silently", async () => {
    const outcome = await runProgram(
      supervisor,
      `
const zmq = require("zeromq");
const push = new zmq.Push({ linger: 0 });
push.connect("tcp://queue.example.invalid:5555");
setTimeout(() => push.close(), 300);
`,
    );
    const diagnostic = outcome.events.find((e) => e.type === "diagnostic" && e.code === "host-not-found");
    expect(diagnostic).toMatchObject({ socket: "s1", severity: "error" });
    expect(diagnostic?.type === "diagnostic" && diagnostic.message).toContain(`"queue.example.invalid" does not resolve`);
    expect(outcome.exit.reason).toBe("ok");
  });
});
