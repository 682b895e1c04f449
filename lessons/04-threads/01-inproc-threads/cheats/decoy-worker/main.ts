import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const worker = new Worker(new URL("./worker.js", import.meta.url));
const finished = new Promise((resolve) => worker.once("exit", resolve));
const pipe = new zmq.Pair();
await pipe.bind("inproc://jobs");
const fake = new zmq.Pair();
fake.connect("inproc://jobs");
for (const word of ["hello", "from", "main"]) {
  await pipe.send(word);
  const [got] = await fake.receive();
  await fake.send(got.toString().toUpperCase());
  console.log("main got", (await pipe.receive()).toString());
}
fake.close();
pipe.close();
await finished;
