import * as zmq from "zeromq";
import { parentPort } from "node:worker_threads";

// This thread's own socket, in the default context that every thread of the process shares.
const pipe = new zmq.Pair({ receiveTimeout: 3000 });
pipe.connect("inproc://jobs");
parentPort!.postMessage("ready");

try {
  for (;;) {
    const [message] = await pipe.receive();
    if (message.toString() === "STOP") break;
    await pipe.send(message.toString().toUpperCase());
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("worker: nobody answered in 3 s");
}
pipe.close();
