import * as zmq from "zeromq";

const REQUESTS = ["first", "second", "third"];
const server = new zmq.Reply();
await server.bind("inproc://lock-step");
const serving = (async () => {
  for (let i = 0; i < REQUESTS.length; i++) {
    const [request] = await server.receive();
    await server.send(`answer: ${request}`);
  }
})();

const client = new zmq.Request();
client.connect("inproc://lock-step");
for (const text of REQUESTS) {
  await client.send(text);
  console.log((await client.receive()).toString());
}
await serving;
client.close();
server.close();
