import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const THREAD_LIMITS = { codeRangeSizeMb: 16, maxOldGenerationSizeMb: 64 };
import { device } from "zmq-devices";

const clients = new zmq.Router();
await clients.bind("tcp://127.0.0.1:5630");
const workers = new zmq.Dealer();
await workers.bind("inproc://workers");
const queue = device("queue", clients, workers);

// Each thread says "ready" once its socket is connected, so every one of them gets a share of the requests.
// Small heaps: each thread reserves address space, and the workbench's sandbox caps a run's total.
const threads = [1, 2].map(() => new Worker(new URL("./worker.js", import.meta.url), { resourceLimits: THREAD_LIMITS }));
await Promise.all(threads.map((t) => new Promise((resolve) => t.once("message", resolve))));

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
const exited = threads.map((t) => new Promise((resolve) => t.once("exit", resolve)));
for (const t of threads) t.postMessage("stop");
await Promise.all(exited);
clients.close(); // the queue closes the other side too and ends
await queue;
