import * as zmq from "zeromq";
import { ProcessMonitoredQueue } from "zmq-devices";

// The queue in a child process: it gets socket types and what to do with them, and makes its own sockets.
const queue = new ProcessMonitoredQueue(zmq.Router, zmq.Dealer, zmq.Publisher, { inPrefix: "in", outPrefix: "out" });
const [clientsAt, workersAt, monitorAt] = ["tcp://127.0.0.1:7640", "tcp://127.0.0.1:7641", "ipc:///tmp/monitor"];
queue.bindIn(clientsAt).bindOut(workersAt).bindMon(monitorAt);
await queue.start();

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
// Read copies until the one of the last reply.
for (let last = ""; last !== "job 3 done"; ) {
  const [prefix, ...frames] = await hub.receive();
  last = frames.at(-1)?.toString() ?? "";
  if (last !== "probe" && last !== "probe done") console.log(`hub: ${prefix} ${last}`);
}
client.close();
worker.close();
await working;
hub.close();
await queue.stop();
