import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { runProgram } from "./testing/run-program.js";

const of = <T extends TraceEvent["type"]>(events: TraceEvent[], type: T) => events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

describe("socket kinds and transports the other suites do not cover", () => {
  it("traces PAIR over ipc in both directions", async () => {
    const run = await runProgram({
      "main.ts": `
import * as zmq from "zeromq";
const a = new zmq.Pair(); await a.bind("ipc://pair.sock");
const b = new zmq.Pair(); b.connect("ipc://pair.sock");
await b.send("ping"); console.log(String((await a.receive())[0]));
await a.send("pong"); console.log(String((await b.receive())[0]));
a.close(); b.close();
`,
    });
    expect(run.stdout).toBe("ping\npong\n");
    expect(of(run.events, "socket/open").map((e) => e.kind)).toEqual(["PAIR", "PAIR"]);
    expect(of(run.events, "socket/bind")[0]).toMatchObject({ endpoint: "ipc://pair.sock" });
    expect(run.totals).toMatchObject({ s1: { sent: 1, received: 1 }, s2: { sent: 1, received: 1 } });
  });

  it("traces a STREAM socket talking to a plain TCP client, the identity frame marked as envelope", async () => {
    const run = await runProgram({
      "main.ts": `
import * as zmq from "zeromq";
import { connect } from "node:net";
const stream = new zmq.Stream(); await stream.bind("tcp://127.0.0.1:*");
const port = Number(stream.lastEndpoint!.split(":").pop());
const client = connect(port, "127.0.0.1");
await new Promise((r) => client.once("connect", r));
client.write("raw bytes");
for (;;) {
  const [id, data] = await stream.receive();
  if (data.length > 0) { console.log(String(data)); break; }
}
client.destroy(); stream.close();
`,
    });
    expect(run.stdout).toBe("raw bytes\n");
    const [open] = of(run.events, "socket/open");
    expect(open.kind).toBe("STREAM");
    const withData = of(run.events, "message/recv").find((m) => m.frames[1]?.size === 9);
    expect(withData?.frames[1].preview).toBe("raw bytes");
    expect(withData?.frames[0].envelope).toBe("identity");
  });

  it("shows a monitored queue as one device owning its three sockets, with the monitor's prefixed copies", async () => {
    const run = await runProgram({
      "main.ts": `
import * as zmq from "zeromq";
import { monitoredQueue } from "zmq-devices";
const ins = new zmq.Router({ linger: 0 }); await ins.bind("inproc://front");
const outs = new zmq.Dealer({ linger: 0 }); await outs.bind("inproc://back");
const mons = new zmq.Publisher({ linger: 0 }); await mons.bind("inproc://mon");
const watcher = new zmq.Subscriber({ linger: 0 }); watcher.connect("inproc://mon"); watcher.subscribe();
const running = monitoredQueue(ins, outs, mons);
const worker = new zmq.Dealer({ linger: 0 }); worker.connect("inproc://back");
const client = new zmq.Request({ linger: 0 }); client.connect("inproc://front");
await new Promise((r) => setTimeout(r, 50));
await client.send("question");
const forwarded = await worker.receive();
const [prefix] = (await watcher.receive()).map(String);
console.log(prefix, String(forwarded.at(-1)));
ins.close();
await running;
worker.close(); client.close(); watcher.close();
`,
    });
    expect(run.uncaught).toBeUndefined();
    const [device] = of(run.events, "device/open");
    expect(device).toMatchObject({ kind: "monitored-queue", sockets: ["s1", "s2", "s3"] });
    const monitorSends = of(run.events, "message/send").filter((m) => m.socket === "s3");
    expect(monitorSends[0].frames[0].preview).toBe("in");
    expect(run.stdout).toBe("in question\n");
  });
});
