import * as zmq from "zeromq";
import { ThreadMonitoredQueue } from "zmq-devices";

const mq = new ThreadMonitoredQueue(zmq.Router, zmq.Dealer, zmq.Publisher, { inPrefix: "in", outPrefix: "out" });
mq.bindIn("tcp://127.0.0.1:*").bindOut("tcp://127.0.0.1:*").bindMon("inproc://monitor");
const { in: [clientsAt], out: [enginesAt], mon: [monitorAt] } = await mq.start();

const hub = new zmq.Subscriber();
hub.connect(monitorAt);
hub.subscribe("in", "out");
const engine = new zmq.Reply();
engine.connect(enginesAt);
const working = (async () => {
  for await (const [task] of engine) await engine.send(`result of ${task}`);
})();

async function client(name: string) {
  const socket = new zmq.Request({ routingId: name });
  socket.connect(clientsAt);
  for (let i = 1; i <= 3; i++) {
    await socket.send(`${name}-task-${i}`);
    await socket.receive();
  }
  socket.close();
}
await Promise.all([client("ann"), client("bo")]);
for (let seen = 0; seen < 12; seen++) console.log((await hub.receive()).map(String).join(" "));
engine.close();
await working;
hub.close();
await mq.stop();
