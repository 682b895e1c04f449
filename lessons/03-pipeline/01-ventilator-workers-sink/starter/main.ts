import * as zmq from "zeromq";
import { runWorker } from "./worker.js";

const ventilator = new zmq.Push();
await ventilator.bind("tcp://127.0.0.1:5557");

// TODO: bind a PULL feedback socket on tcp://127.0.0.1:5558 and wait for two "ready" messages.

const workers = [runWorker("A"), runWorker("B")];

for (let i = 1; i <= 10; i++) {
  await ventilator.send(`task ${i}`);
}
console.log("sent 10 tasks");

// TODO: receive ten ["done", text] results on the feedback socket and print them.

await Promise.all(workers);
ventilator.close();
