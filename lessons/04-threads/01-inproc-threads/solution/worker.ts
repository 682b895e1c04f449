import * as zmq from "zeromq";

// This thread's own socket, in the default context that every thread of the process shares.
const pipe = new zmq.Pair({ receiveTimeout: 1000 });
pipe.connect("inproc://jobs");

try {
  for (;;) {
    const [message] = await pipe.receive();
    if (message.toString() === "STOP") break;
    await pipe.send(message.toString().toUpperCase());
  }
} catch (err) {
  console.log("worker:", (err as { code?: string }).code, "- nothing arrived");
}
pipe.close();
