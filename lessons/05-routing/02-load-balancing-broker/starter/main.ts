import * as zmq from "zeromq";
import { runBroker } from "./broker.js";

const frontend = new zmq.Router();
const backend = new zmq.Router();
await frontend.bind("tcp://127.0.0.1:5571");
await backend.bind("tcp://127.0.0.1:5572");
const broker = runBroker(frontend, backend);

async function worker(name: string, workMs: number) {
  const socket = new zmq.Request({ routingId: name, receiveTimeout: 400 });
  socket.connect("tcp://127.0.0.1:5572");
  await socket.send("READY");
  try {
    for (;;) {
      const [client, , request] = await socket.receive();
      await new Promise((resolve) => setTimeout(resolve, workMs));
      await socket.send([client, "", `${request} done by ${name}`]);
    }
  } catch {
    // No work for 400 ms: the worker goes home.
  }
  socket.close();
}

async function client(name: string) {
  const socket = new zmq.Request({ routingId: name, receiveTimeout: 500 });
  socket.connect("tcp://127.0.0.1:5571");
  try {
    for (let i = 1; i <= 3; i++) {
      await socket.send(`${name} request ${i}`);
      const [reply] = await socket.receive();
      console.log(reply.toString());
    }
  } catch {
    console.log(`${name}: no reply within 500 ms`);
  }
  socket.close();
}

const workers = [worker("worker-1", 10), worker("worker-2", 20), worker("worker-3", 40)];
await Promise.all([client("client-a"), client("client-b"), client("client-c")]);
await Promise.all(workers);
frontend.close();
backend.close();
await broker;
