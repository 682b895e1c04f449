import * as zmq from "zeromq";
import { routerRouterQueue } from "./device.js";

const ins = new zmq.Router();
const outs = new zmq.Router();
await ins.bind("tcp://127.0.0.1:5567");
await outs.bind("tcp://127.0.0.1:5568");

/** An engine announces itself, then computes jobs until main closes its socket. */
function engine(name: string) {
  const socket = new zmq.Dealer({ routingId: name });
  socket.connect("tcp://127.0.0.1:5568");
  const done = (async () => {
    await socket.send(["", "hello"]); // announce ourselves, so the backend knows our name
    for await (const [client, job] of socket) await socket.send([client, `${job} computed on ${name}`]);
  })();
  return { socket, done };
}

async function client(name: string) {
  // The timeout only ends a run in which the results never come.
  const socket = new zmq.Dealer({ routingId: name, receiveTimeout: 3000 });
  socket.connect("tcp://127.0.0.1:5567");
  for (const target of ["engine-a", "engine-b"]) await socket.send([target, `${name}'s job`]);
  let results = 0;
  try {
    while (results < 2) {
      const [from, result] = await socket.receive();
      console.log(`${name} <- ${from}: ${result}`);
      results++;
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
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
for (const e of engines) e.socket.close();
await Promise.all(engines.map((e) => e.done));
ins.close();
outs.close();
await device;
