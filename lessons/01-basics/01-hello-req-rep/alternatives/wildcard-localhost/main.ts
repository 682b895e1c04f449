import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://*:5555");

async function serve() {
  for (let i = 0; i < 3; i++) {
    const [request] = await server.receive();
    await server.send(`World (${request})`);
  }
}
const serving = serve();

const client = new zmq.Request();
client.connect("tcp://localhost:5555");
let n = 0;
while (n < 3) {
  await client.send("Hello");
  const [reply] = await client.receive();
  console.log(`Received reply ${n++}: ${reply}`);
}
await serving;
client.close();
server.close();
