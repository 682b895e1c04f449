// Request-reply broker: clients (REQ) talk to a ROUTER, workers (REP) to a DEALER, and the broker shuttles
// messages between the two in both directions.
const zmq = require("zeromq");

async function shuttle(from, to) {
  try {
    for (;;) await to.send(await from.receive());
  } catch (err) {
    if (!from.closed && !to.closed) throw err;
  }
}

async function work(responder) {
  try {
    for (;;) {
      const [request] = await responder.receive();
      await responder.send(`World for ${request}`);
    }
  } catch (err) {
    if (!responder.closed) throw err;
  }
}

async function client(name, requests) {
  const requester = new zmq.Request();
  requester.connect("tcp://127.0.0.1:27040");
  const replies = [];
  for (let i = 0; i < requests; i++) {
    await requester.send(`${name}-${i}`);
    replies.push(String((await requester.receive())[0]));
  }
  requester.close();
  return replies;
}

async function main() {
  const frontend = new zmq.Router();
  const backend = new zmq.Dealer();
  await frontend.bind("tcp://127.0.0.1:27040");
  await backend.bind("tcp://127.0.0.1:27041");
  const loops = [shuttle(frontend, backend), shuttle(backend, frontend)];
  const responders = [new zmq.Reply(), new zmq.Reply()];
  for (const responder of responders) responder.connect("tcp://127.0.0.1:27041");
  const working = responders.map(work);
  const replies = await Promise.all([client("alice", 5), client("bob", 5)]);
  console.log(replies.flat().join("\n"));
  for (const s of [frontend, backend, ...responders]) s.close();
  await Promise.all([...loops, ...working]);
}

main();
