import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:6000");
const serving = (async () => {
  for await (const [request] of server) await server.send(`reply to ${request}`);
})();

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:6000");
for (const n of [1, 2, 3]) {
  await client.send(`request ${n}`);
  const [reply] = await client.receive();
  console.log("got", reply.toString());
}
client.close();
server.close();
await serving;
