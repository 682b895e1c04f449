import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

// Generous timeouts: they only end a run that cannot work. The ready message, not a delay, says when to start.
const pipe = new zmq.Pair({ receiveTimeout: 3000 });
await pipe.bind("inproc://jobs");

const worker = new Worker(new URL("./worker.js", import.meta.url));
const finished = new Promise((resolve) => worker.once("exit", resolve));

try {
  const [ready] = await pipe.receive();
  console.log("main: the worker says", ready.toString());
  for (const word of ["hello", "from", "main"]) {
    await pipe.send(word);
    const [reply] = await pipe.receive();
    console.log("main got", reply.toString());
  }
  await pipe.send("STOP");
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("main: no word from the worker in 3 s - it is not on the other end");
}

pipe.close();
await finished;
