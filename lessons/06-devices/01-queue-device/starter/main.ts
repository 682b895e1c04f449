import * as zmq from "zeromq";
import { queue } from "./device.js";

const frontend = new zmq.Router();
const backend = new zmq.Dealer();
await frontend.bind("tcp://127.0.0.1:5559");
await backend.bind("tcp://127.0.0.1:5560");
const device = queue(frontend, backend);

/** A worker answers requests until main closes its socket. */
function worker(name: string) {
  const socket = new zmq.Reply();
  socket.connect("tcp://127.0.0.1:5560");
  const done = (async () => {
    for await (const [request] of socket) await socket.send(`${request} answered by ${name}`);
  })();
  return { socket, done };
}

async function client(name: string) {
  // The timeout only ends a run whose device never answers.
  const socket = new zmq.Request({ receiveTimeout: 3000 });
  socket.connect("tcp://127.0.0.1:5559");
  try {
    for (let i = 1; i <= 3; i++) {
      await socket.send(`${name} #${i}`);
      const [reply] = await socket.receive();
      console.log(reply.toString());
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log(`${name}: no reply within 3 s`);
  }
  socket.close();
}

const workers = [worker("rep-1"), worker("rep-2")];
await Promise.all([client("alice"), client("bob")]);
for (const w of workers) w.socket.close();
await Promise.all(workers.map((w) => w.done));
frontend.close();
backend.close();
await device;
