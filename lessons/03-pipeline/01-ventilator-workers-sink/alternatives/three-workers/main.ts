import * as zmq from "zeromq";
import { runWorker } from "./worker.js";

const ventilator = new zmq.Push();
await ventilator.bind("tcp://127.0.0.1:5557");
const sink = new zmq.Pull();
await sink.bind("tcp://127.0.0.1:5558");
const workers = ["A", "B", "C"].map(runWorker);

let ready = 0;
while (ready < workers.length) {
  const [kind] = await sink.receive();
  if (kind.toString() === "ready") ready++;
}
for (let i = 0; i < 12; i++) await ventilator.send(`job-${i}`);
let done = 0;
while (done < 12) {
  const [kind, result] = await sink.receive();
  if (kind.toString() === "done") done++;
  console.log(result.toString());
}
await Promise.all(workers);
sink.close();
ventilator.close();
