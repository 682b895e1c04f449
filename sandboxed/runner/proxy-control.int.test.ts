import { describe, expect, it } from "vitest";
import { eventsOfType, runProgram } from "./testing/run-program.js";

/** The same probe run against the real zeromq.js Proxy (libzmq 4.3.5) printed exactly these lines. */
const PROBE = `
import * as zmq from "zeromq";
const front = new zmq.Pull(); await front.bind("inproc://f");
const back = new zmq.Push(); await back.bind("inproc://b");
const proxy = new zmq.Proxy(front, back);
const running = proxy.run();
const src = new zmq.Push(); src.connect("inproc://f");
const dst = new zmq.Pull({ receiveTimeout: 300 }); dst.connect("inproc://b");
async function probe(label) {
  await src.send(label);
  try { const [m] = await dst.receive(); console.log(label, "passed", String(m)); } catch { console.log(label, "held"); }
}
await probe("start");
proxy.pause(); await probe("after-pause");
proxy.resume(); await probe("after-pause-resume");
proxy.pause(); await probe("after-pause-again");
proxy.terminate(); await running; src.close(); dst.close();
`;

describe("zmq.Proxy control", () => {
  it("pauses and resumes as libzmq 4.3.5 does (swapped), and says so", async () => {
    const run = await runProgram({ "main.mjs": PROBE });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe(
      ["start passed start", "after-pause passed after-pause", "after-pause-resume held", "after-pause-again passed after-pause-resume", ""].join("\n"),
    );
    const warning = eventsOfType(run, "diagnostic").find((d) => d.code === "proxy-pause-resume-swapped");
    expect(warning?.message).toContain("libzmq 4.3.5 swaps PAUSE and RESUME");
  });
});
