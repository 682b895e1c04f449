import * as zmq from "zeromq";
import { monitoredQueue } from "./device.js";

const ins = new zmq.Router();
const outs = new zmq.Dealer();
const monitor = new zmq.Publisher();
await ins.bind("tcp://127.0.0.1:5565");
await outs.bind("tcp://127.0.0.1:5566");
await monitor.bind("inproc://monitor");

const hub = new zmq.Subscriber({ receiveTimeout: 300 });
hub.connect("inproc://monitor");
hub.subscribe("in", "out");

const device = monitoredQueue(ins, outs, monitor);

async function watch() {
  const seen = { in: 0, out: 0 };
  try {
    for (;;) {
      const [direction, ...frames] = await hub.receive();
      const body = frames[frames.length - 1].toString();
      console.log(`hub: ${direction} ${body}`);
      if (direction.toString() === "in") seen.in++;
      else seen.out++;
    }
  } catch {
    console.log(`hub saw ${seen.in} requests and ${seen.out} replies`);
  }
}

async function engine() {
  const socket = new zmq.Reply({ receiveTimeout: 300 });
  socket.connect("tcp://127.0.0.1:5566");
  try {
    for (;;) {
      const [task] = await socket.receive();
      await socket.send(`result of ${task}`);
    }
  } catch {
    // Idle: done.
  }
  socket.close();
}

async function client(name: string) {
  const socket = new zmq.Request({ routingId: name, receiveTimeout: 300 });
  socket.connect("tcp://127.0.0.1:5565");
  for (let i = 1; i <= 3; i++) {
    await socket.send(`${name}-task-${i}`);
    await socket.receive();
  }
  socket.close();
}

const watching = watch();
await Promise.all([engine(), client("alice"), client("bob")]);
await watching;
for (const socket of [hub, ins, outs, monitor]) socket.close();
await device;
