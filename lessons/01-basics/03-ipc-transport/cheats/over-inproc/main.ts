import * as zmq from "zeromq";

// TODO: move both sides to ipc, e.g. ipc:///tmp/hello.ipc
const ENDPOINT = "inproc://hello";

const server = new zmq.Reply();
await server.bind(ENDPOINT);
const serving = (async () => {
  for await (const [request] of server) await server.send(`World, to ${request}`);
})();

const client = new zmq.Request();
client.connect(ENDPOINT);
for (let i = 1; i <= 3; i++) {
  await client.send(`Hello ${i}`);
  console.log((await client.receive()).toString());
}
client.close();
server.close();
await serving;
