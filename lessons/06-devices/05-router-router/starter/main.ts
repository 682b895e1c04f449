import * as zmq from "zeromq";
import { routerRouterQueue } from "./device.js";

const ins = new zmq.Router();
const outs = new zmq.Router();
await ins.bind("tcp://127.0.0.1:5567");
await outs.bind("tcp://127.0.0.1:5568");

async function engine(name: string) {
  const socket = new zmq.Dealer({ routingId: name, receiveTimeout: 400 });
  socket.connect("tcp://127.0.0.1:5568");
  await socket.send(["", "hello"]); // announce ourselves, so the backend knows our name
  try {
    for (;;) {
      const [client, job] = await socket.receive();
      await socket.send([client, `${job} computed on ${name}`]);
    }
  } catch {
    // Idle: done.
  }
  socket.close();
}

async function client(name: string) {
  const socket = new zmq.Dealer({ routingId: name, receiveTimeout: 300 });
  socket.connect("tcp://127.0.0.1:5567");
  for (const target of ["engine-a", "engine-b"]) await socket.send([target, `${name}'s job`]);
  let results = 0;
  try {
    while (results < 2) {
      const [from, result] = await socket.receive();
      console.log(`${name} <- ${from}: ${result}`);
      results++;
    }
  } catch {
    console.log(`${name}: ${results} of 2 results`);
  }
  socket.close();
}

const engines = [engine("engine-a"), engine("engine-b")];
// Wait until both engines have said hello, so the backend can route to them.
for (let i = 0; i < 2; i++) {
  const [name] = await outs.receive();
  console.log(`${name} joined`);
}
const device = routerRouterQueue(ins, outs);

await Promise.all([client("client-1"), client("client-2")]);
await Promise.all(engines);
ins.close();
outs.close();
await device;
