import * as zmq from "zeromq";

const pipe = new zmq.Pair();
await pipe.bind("inproc://shout");
await pipe.send("READY");
for await (const [message] of pipe) {
  if (message.toString() === "STOP") break;
  await pipe.send(message.toString().toUpperCase());
}
pipe.close();
