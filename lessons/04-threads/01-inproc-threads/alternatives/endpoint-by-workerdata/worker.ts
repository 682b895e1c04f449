import * as zmq from "zeromq";
import { workerData } from "node:worker_threads";

const pipe = new zmq.Pair();
pipe.connect((workerData as { endpoint: string }).endpoint);
await pipe.send("READY");
for await (const [message] of pipe) {
  if (message.toString() === "STOP") break;
  await pipe.send(message.toString().toUpperCase());
}
pipe.close();
