import * as zmq from "zeromq";
import { runBroker } from "./broker.js";

const frontend = new zmq.Router();
const backend = new zmq.Router();
await frontend.bind("tcp://127.0.0.1:5571");
await backend.bind("tcp://127.0.0.1:5572");
const broker = runBroker(frontend, backend);

/** A worker says READY, then answers requests until main closes its socket. */
function worker(name: string, workMs: number) {
  const socket = new zmq.Request({ routingId: name });
  socket.connect("tcp://127.0.0.1:5572");
  const done = (async () => {
    await socket.send("READY");
    for await (const [client, , request] of socket) {
      await new Promise((resolve) => setTimeout(resolve, workMs));
      await socket.send([client, "", `${request} done by ${name}`]);
    }
  })();
  return { socket, done };
}

async function client(name: string) {
  // The timeout only ends a run whose broker never answers.
  const socket = new zmq.Request({ routingId: name, receiveTimeout: 3000 });
  socket.connect("tcp://127.0.0.1:5571");
  try {
    for (let i = 1; i <= 3; i++) {
      await socket.send(`${name} request ${i}`);
      const [reply] = await socket.receive();
      console.log(reply.toString());
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log(`${name}: no reply within 3 s`);
  }
  socket.close();
}

const workers = [worker("worker-1", 10), worker("worker-2", 20), worker("worker-3", 40)];
await Promise.all([client("client-a"), client("client-b"), client("client-c")]);
for (const w of workers) w.socket.close();
await Promise.all(workers.map((w) => w.done));
frontend.close();
backend.close();
await broker;
