import * as zmq from "zeromq";
import { runWorker } from "./worker.js";

const ventilator = new zmq.Push();
const sink = new zmq.Pull();
await Promise.all([ventilator.bind("tcp://127.0.0.1:7557"), sink.bind("tcp://127.0.0.1:7558")]);
const workers = [runWorker("left"), runWorker("right")];

let ready = 0;
let results = 0;
for await (const [kind, text] of sink) {
  if (kind.toString() === "ready" && ++ready === 2) {
    for (let i = 1; i <= 10; i++) await ventilator.send(`task ${i}`);
  }
  if (kind.toString() === "done") {
    console.log(text.toString());
    if (++results === 10) break;
  }
}
await Promise.all(workers);
sink.close();
ventilator.close();
