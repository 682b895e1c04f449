import * as zmq from "zeromq";

// This thread's own socket. It connects to the endpoint that the main thread bound.
const context = new zmq.Context();
const pipe = new zmq.Pair({ context, receiveTimeout: 1000 });
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
