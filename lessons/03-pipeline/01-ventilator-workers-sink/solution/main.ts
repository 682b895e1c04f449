import * as zmq from "zeromq";
import { runWorker } from "./worker.js";

const ventilator = new zmq.Push();
await ventilator.bind("tcp://127.0.0.1:5557");

const feedback = new zmq.Pull({ receiveTimeout: 3000 });
await feedback.bind("tcp://127.0.0.1:5558");

const workers = [runWorker("A"), runWorker("B")];

for (let ready = 0; ready < 2; ready++) {
  const [, name] = await feedback.receive();
  console.log(`worker ${name} is ready`);
}

for (let i = 1; i <= 10; i++) {
  await ventilator.send(`task ${i}`);
}
console.log("sent 10 tasks");

for (let i = 0; i < 10; i++) {
  const [, result] = await feedback.receive();
  console.log(result.toString());
}

await Promise.all(workers);
feedback.close();
ventilator.close();
