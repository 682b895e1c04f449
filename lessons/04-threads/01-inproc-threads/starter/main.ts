import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const pipe = new zmq.Pair({ sendTimeout: 3000, receiveTimeout: 3000 });
await pipe.bind("inproc://jobs");

// The worker says "ready" (over its thread channel) once its socket is connected: no guessing how long a thread
// takes to start. The timeouts above only end a run in which nobody is on the other end.
const worker = new Worker(new URL("./worker.js", import.meta.url));
const finished = new Promise((resolve) => worker.once("exit", resolve));
await new Promise((resolve, reject) => {
  worker.once("message", resolve);
  worker.once("error", reject);
});

try {
  for (const word of ["hello", "from", "main"]) {
    await pipe.send(word);
    const [reply] = await pipe.receive();
    console.log("main got", reply.toString());
  }
  await pipe.send("STOP");
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("main: the worker is not on the other end");
}

pipe.close();
await finished;
