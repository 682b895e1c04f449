import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
const serving = (async () => {
  for (let i = 0; i < 3; i++) {
    await server.receive();
    await server.send("reply to request 1");
  }
})();

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");
for (let i = 1; i <= 3; i++) {
  await client.send(`request ${i}`);
  console.log("got", (await client.receive()).toString());
}
await serving;
client.close();
server.close();
