import * as zmq from "zeromq";
import { monitoredQueue } from "zmq-devices";

// TODO: run this queue in a process of its own: ProcessMonitoredQueue from zmq-devices takes socket types and
// bindIn / bindOut / bindMon calls, and start() resolves with the endpoints it bound.
const ins = new zmq.Router();
const outs = new zmq.Dealer();
const mons = new zmq.Publisher();
await ins.bind("tcp://127.0.0.1:*");
await outs.bind("tcp://127.0.0.1:*");
await mons.bind("tcp://127.0.0.1:*");
// A plain queue, and the "monitor" publishes copies the program makes up itself.
const queue = (async () => {
  const pump = async (from: zmq.Router | zmq.Dealer, to: zmq.Router | zmq.Dealer, prefix: string) => {
    for await (const message of from) {
      await to.send(message);
      await mons.send([prefix, `copy of ${prefix}`]);
    }
  };
  await Promise.all([pump(ins, outs, "in"), pump(outs, ins, "out")]);
})();
void monitoredQueue;
const [clientsAt, workersAt, monitorAt] = [ins.lastEndpoint!, outs.lastEndpoint!, mons.lastEndpoint!];

// The hub listens to the monitor.
const hub = new zmq.Subscriber();
hub.connect(monitorAt);
hub.subscribe("in", "out");
const worker = new zmq.Reply();
worker.connect(workersAt);
const working = (async () => {
  for await (const [request] of worker) await worker.send(`${request} done`);
})();
const client = new zmq.Request();
client.connect(clientsAt);

// A subscription takes a moment to reach the monitor: probe until the hub hears a copy (the guide's "hello" sync).
hub.receiveTimeout = 100;
for (let heard = false; !heard; ) {
  await client.send("probe");
  await client.receive();
  heard = await hub.receive().then(() => true, (err: { code?: string }) => {
    if (err.code !== "EAGAIN") throw err;
    return false;
  });
}
hub.receiveTimeout = 3000; // from here on only a broken queue is this quiet

for (let i = 1; i <= 3; i++) {
  await client.send(`job ${i}`);
  console.log((await client.receive()).toString());
}
for (let i = 0; i < 6; i++) await hub.receive();
client.close();
worker.close();
await working;
hub.close();
ins.close();
outs.close();
mons.close();
await queue;
