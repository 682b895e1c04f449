import * as zmq from "zeromq";
import { parentPort, workerData } from "node:worker_threads";
import type { SocketSetup } from "./background.js";
import { streamer } from "./device.js";

const create = { PULL: zmq.Pull, PUSH: zmq.Push, ROUTER: zmq.Router, DEALER: zmq.Dealer, XSUB: zmq.XSubscriber, XPUB: zmq.XPublisher };

async function open(setup: SocketSetup) {
  const socket = new create[setup.type]();
  Object.assign(socket, setup.options); // options are properties: { linger: 0 } sets socket.linger
  for (const endpoint of setup.binds) await socket.bind(endpoint);
  for (const endpoint of setup.connects) socket.connect(endpoint);
  return socket;
}

const frontend = (await open(workerData.in)) as zmq.Pull;
const backend = (await open(workerData.out)) as zmq.Push;
const running = streamer(frontend, backend);

parentPort!.once("message", async () => {
  frontend.close();
  backend.close();
  await running;
  parentPort!.close();
});
parentPort!.postMessage("ready");
