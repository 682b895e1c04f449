import * as zmq from "zeromq";

// A REP socket answers each request; a REQ socket asks, then waits for the answer (lock-step).
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

async function serve() {
  for (let i = 0; i < 3; i++) {
    const [request] = await server.receive();
    await server.send(`World (${request.toString()} #${i + 1})`);
  }
}

const serving = serve();
for (let i = 0; i < 3; i++) {
  await client.send("Hello");
  const [reply] = await client.receive();
  console.log("Received", reply.toString());
}
await serving;

client.close();
server.close();
