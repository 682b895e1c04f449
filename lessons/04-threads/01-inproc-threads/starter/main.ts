import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const pipe = new zmq.Pair({ sendTimeout: 500, receiveTimeout: 1000 });
await pipe.bind("inproc://jobs");

const worker = new Worker(new URL("./worker.js", import.meta.url));
const finished = new Promise((resolve) => worker.once("exit", resolve));

try {
  for (const word of ["hello", "from", "main"]) {
    await pipe.send(word);
    const [reply] = await pipe.receive();
    console.log("main got", reply.toString());
  }
  await pipe.send("STOP");
} catch (err) {
  console.log("main:", (err as { code?: string }).code, "- the worker is not on the other end");
}

pipe.close();
await finished;
