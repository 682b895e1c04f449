import * as zmq from "zeromq";
import { parentPort } from "node:worker_threads";

// This thread's own socket. It connects to the endpoint that the main thread bound.
const context = new zmq.Context();
const pipe = new zmq.Pair({ context, receiveTimeout: 3000 });
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
