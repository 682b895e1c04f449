import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const endpoint = "inproc://upper";
const pipe = new zmq.Pair();
await pipe.bind(endpoint);
const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: { endpoint } });
const finished = new Promise((resolve) => worker.once("exit", resolve));
await pipe.receive();
for (const word of ["hello", "from", "main"]) {
  await pipe.send(word);
  console.log("main got", (await pipe.receive()).toString());
}
await pipe.send("STOP");
pipe.close();
await finished;
