import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildRunner } from "../../server/sandbox/runner-bundle.js";
import { eventsOfType, runProgram } from "./testing/run-program.js";

/** A stand-in for sandboxed/devices/src/index.ts with the same contract: imports bare zeromq, announces its sockets. */
const FAKE_DEVICES = `
import { Pull, Push } from "zeromq";
export async function streamer(frontend: string, backend: string): Promise<void> {
  const pull = new Pull({ linger: 0 });
  const push = new Push({ linger: 0 });
  await pull.bind(frontend);
  await push.bind(backend);
  globalThis.__zmqWorkbenchDevice?.({ kind: "streamer", sockets: [pull, push] });
  await push.send(await pull.receive());
  pull.close();
  push.close();
}
`;

describe("the zmq-devices module", () => {
  // A fixed folder: the bundle hash covers the devices' path, and a new one per run would pile up bundles.
  const dir = join(tmpdir(), "zmq-workbench-test-devices");
  mkdirSync(dir, { recursive: true });

  it("resolves to the bundled devices, whose sockets are traced and announced as a device", async () => {
    writeFileSync(join(dir, "index.ts"), FAKE_DEVICES);
    const bundle = await buildRunner({ devicesEntry: join(dir, "index.ts") });
    const run = await runProgram(
      {
        "main.ts": `
import { streamer } from "zmq-devices";
import { Push, Pull } from "zeromq";
const device = streamer("inproc://in", "inproc://out");
const source = new Push({ linger: 0 });
source.connect("inproc://in");
const sink = new Pull({ linger: 0 });
sink.connect("inproc://out");
await source.send("through the device");
console.log(String((await sink.receive())[0]));
await device;
source.close(); sink.close();
`,
      },
      { bundle },
    );
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("through the device\n");
    expect(eventsOfType(run, "device/open")).toEqual([expect.objectContaining({ device: "d1", kind: "streamer", sockets: ["s1", "s2"] })]);
    expect(run.totals).toMatchObject({ s1: { received: 1 }, s2: { sent: 1 } });
  });

  it("gives learners the real sandboxed/devices/src library, on traced sockets", async () => {
    const run = await runProgram({
      "main.ts": `
import { device } from "zmq-devices";
import { Push, Pull } from "zeromq";
const frontend = new Pull({ linger: 0 });
const backend = new Push({ linger: 0 });
await frontend.bind("inproc://in");
await backend.bind("inproc://out");
const running = device("streamer", frontend, backend);
const source = new Push({ linger: 0 });
source.connect("inproc://in");
const sink = new Pull({ linger: 0 });
sink.connect("inproc://out");
await source.send("job");
console.log(String((await sink.receive())[0]));
frontend.close();
await running;
source.close(); sink.close();
`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("job\n");
    expect(eventsOfType(run, "device/open")).toEqual([expect.objectContaining({ kind: "streamer", sockets: ["s1", "s2"] })]);
  });
});
