import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const worker = new Worker(new URL("./worker.js", import.meta.url));
const finished = new Promise((resolve) => worker.once("exit", resolve));
const pipe = new zmq.Pair();
pipe.connect("inproc://shout");
await pipe.receive(); // READY: the worker is bound and listening
for (const word of ["one", "two", "three", "four"]) {
  await pipe.send(word);
  console.log((await pipe.receive()).toString());
}
await pipe.send("STOP");
pipe.close();
await finished;
