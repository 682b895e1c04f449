import * as zmq from "zeromq";
import { monitoredQueue } from "./device.js";

const ins = new zmq.Router();
const outs = new zmq.Dealer();
const monitor = new zmq.Publisher();
await ins.bind("tcp://127.0.0.1:5565");
await outs.bind("tcp://127.0.0.1:5566");
await monitor.bind("inproc://monitor");

// The timeout only ends a run in which the hub hears nothing.
const hub = new zmq.Subscriber({ receiveTimeout: 3000 });
hub.connect("inproc://monitor");
hub.subscribe("in", "out");

const device = monitoredQueue(ins, outs, monitor);

async function watch() {
  const seen = { in: 0, out: 0 };
  try {
    while (seen.in + seen.out < 12) {
      const [direction, ...frames] = await hub.receive();
      const body = frames[frames.length - 1].toString();
      console.log(`hub: ${direction} ${body}`);
      if (direction.toString() === "in") seen.in++;
      else seen.out++;
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
  }
  console.log(`hub saw ${seen.in} requests and ${seen.out} replies`);
}

/** The engine answers until main closes its socket. */
const engine = new zmq.Reply();
engine.connect("tcp://127.0.0.1:5566");
const working = (async () => {
  for await (const [task] of engine) await engine.send(`result of ${task}`);
})();

async function client(name: string) {
  const socket = new zmq.Request({ routingId: name, receiveTimeout: 3000 });
  socket.connect("tcp://127.0.0.1:5565");
  for (let i = 1; i <= 3; i++) {
    await socket.send(`${name}-task-${i}`);
    await socket.receive();
  }
  socket.close();
}

const watching = watch();
await Promise.all([client("alice"), client("bob")]);
await watching;
engine.close();
await working;
for (const socket of [hub, ins, outs, monitor]) socket.close();
await device;
