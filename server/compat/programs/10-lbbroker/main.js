// Load-balancing broker: workers (REQ) announce READY to a backend ROUTER; the broker hands each client request
// (from a frontend ROUTER) to the least recently ready worker and routes the reply back.
const zmq = require("zeromq");

const CLIENTS = 4;
const WORKERS = 3;

async function client(i) {
  const socket = new zmq.Request({ routingId: `Client-${i}` });
  socket.connect("inproc://frontend");
  await socket.send("HELLO");
  const [reply] = await socket.receive();
  socket.close();
  return `Client-${i}: ${reply}`;
}

async function worker(socket) {
  await socket.send("READY");
  try {
    for (;;) {
      const [clientId, empty, request] = await socket.receive();
      await socket.send([clientId, empty, `OK (${request})`]);
    }
  } catch (err) {
    if (!socket.closed) throw err;
  }
}

async function main() {
  const frontend = new zmq.Router();
  const backend = new zmq.Router();
  await frontend.bind("inproc://frontend");
  await backend.bind("inproc://backend");
  const workerSockets = Array.from({ length: WORKERS }, (_, i) => new zmq.Request({ routingId: `Worker-${i}` }));
  for (const s of workerSockets) s.connect("inproc://backend");
  const working = workerSockets.map(worker);

  const ready = [];
  for (let i = 0; i < WORKERS; i++) ready.push((await backend.receive())[0]);
  const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
  for (let served = 0; served < CLIENTS; served++) {
    if (ready.length === 0) ready.push((await backend.receive())[0]);
    const [clientId, , request] = await frontend.receive();
    await backend.send([ready.shift(), "", clientId, "", request]);
    const [workerId, , replyTo, , reply] = await backend.receive();
    ready.push(workerId);
    await frontend.send([replyTo, "", reply]);
  }
  console.log((await Promise.all(clients)).join("\n"));
  for (const s of [frontend, backend, ...workerSockets]) s.close();
  await Promise.all(working);
}

main();
