import * as zmq from "zeromq";
import { queue } from "./device.js";

const frontend = new zmq.Router();
const backend = new zmq.Dealer();
await frontend.bind("tcp://127.0.0.1:5559");
await backend.bind("tcp://127.0.0.1:5560");
const device = queue(frontend, backend);

async function worker(name: string) {
  const socket = new zmq.Reply({ receiveTimeout: 400 });
  socket.connect("tcp://127.0.0.1:5560");
  try {
    for (;;) {
      const [request] = await socket.receive();
      await socket.send(`${request} answered by ${name}`);
    }
  } catch {
    // Idle for 400 ms: done.
  }
  socket.close();
}

async function client(name: string) {
  const socket = new zmq.Request({ receiveTimeout: 300 });
  socket.connect("tcp://127.0.0.1:5559");
  try {
    for (let i = 1; i <= 3; i++) {
      await socket.send(`${name} #${i}`);
      const [reply] = await socket.receive();
      console.log(reply.toString());
    }
  } catch {
    console.log(`${name}: no reply`);
  }
  socket.close();
}

const workers = [worker("rep-1"), worker("rep-2")];
await Promise.all([client("alice"), client("bob")]);
await Promise.all(workers);
frontend.close();
backend.close();
await device;
