import * as zmq from "zeromq";
import { parentPort, threadId } from "node:worker_threads";

// The thread's own socket, in the default context every thread shares: inproc reaches the main thread's DEALER.
const socket = new zmq.Reply();
socket.connect("inproc://workers");
parentPort!.once("message", () => socket.close()); // "stop": closing ends the loop below
parentPort!.postMessage("ready");

for await (const [request] of socket) {
  await socket.send(`${request} handled by thread ${threadId}`);
}
parentPort!.close();
