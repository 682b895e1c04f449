import * as zmq from "zeromq";

// TODO: build the server, from scratch:
//  1. a zmq.Router bound to tcp://127.0.0.1:5630 for the clients,
//  2. a zmq.Dealer bound to inproc://workers for the worker threads,
//  3. a queue between them (zmq-devices' device("queue", ...), or zmq.Proxy),
//  4. two worker threads running worker.ts, each replying `${request} handled by thread ${threadId}`.
// Start the clients only once every worker has said it is ready.

async function client(name: string) {
  // The timeout only ends a run in which nobody answers.
  const socket = new zmq.Request({ receiveTimeout: 3000 });
  socket.connect("tcp://127.0.0.1:5630");
  try {
    for (let i = 1; i <= 2; i++) {
      await socket.send(`${name} request ${i}`);
      console.log((await socket.receive()).toString());
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log(`${name}: no answer in 3 s`);
  }
  socket.close();
}

await Promise.all(["ann", "bob", "cy", "dee"].map(client));
