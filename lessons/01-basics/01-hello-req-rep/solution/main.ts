import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
console.log("Server ready on tcp://127.0.0.1:5555");

async function serve() {
  for (let i = 0; i < 3; i++) {
    const [request] = await server.receive();
    console.log("Server got", request.toString());
    await server.send("World");
  }
}
const serving = serve();

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");
for (let i = 0; i < 3; i++) {
  await client.send("Hello");
  const [reply] = await client.receive();
  console.log("Client got", reply.toString());
}
client.close();

// Without a client nobody ever asks, so stop waiting after two seconds.
let giveUp: ReturnType<typeof setTimeout> | undefined;
await Promise.race([serving, new Promise((resolve) => (giveUp = setTimeout(resolve, 2000)))]);
clearTimeout(giveUp);
server.close();
