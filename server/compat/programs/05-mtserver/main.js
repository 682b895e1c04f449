// Multithreaded service: a ROUTER for clients, a DEALER to REP workers running in threads started from code, and
// the queue between them in the main thread. Worker threads reach the DEALER over inproc (one shared context).
const zmq = require("zeromq");
const { Worker } = require("node:worker_threads");

const WORKER_CODE = `
const zmq = require("zeromq");
(async () => {
  const responder = new zmq.Reply();
  responder.connect("inproc://workers");
  require("node:worker_threads").parentPort.postMessage("ready");
  for (;;) {
    const [request] = await responder.receive();
    if (String(request) === "stop") break;
    await responder.send("World for " + request);
  }
  responder.close();
})();
`;

async function forward(from, to) {
  try {
    for (;;) await to.send(await from.receive());
  } catch (err) {
    if (!from.closed && !to.closed) throw err;
  }
}

async function main() {
  const clients = new zmq.Router();
  await clients.bind("tcp://127.0.0.1:27050");
  const workers = new zmq.Dealer();
  await workers.bind("inproc://workers");
  const threads = [0, 1, 2].map(() => new Worker(WORKER_CODE, { eval: true }));
  await Promise.all(threads.map((t) => new Promise((resolve) => t.once("message", resolve))));
  const queue = [forward(clients, workers), forward(workers, clients)];
  const requester = new zmq.Request();
  requester.connect("tcp://127.0.0.1:27050");
  for (let i = 0; i < 6; i++) {
    await requester.send(`Hello ${i}`);
    console.log(`Received reply ${i} [${(await requester.receive())[0]}]`);
  }
  requester.close();
  // One stop each: the DEALER deals them out round-robin, one per connected worker.
  for (let i = 0; i < threads.length; i++) await workers.send(["", "stop"]);
  await Promise.all(threads.map((t) => new Promise((resolve) => t.on("exit", resolve))));
  clients.close();
  workers.close();
  await Promise.all(queue);
}

main();
