import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
const serving = (async () => {
  for (let i = 0; i < 3; i++) {
    await server.receive();
    await server.send("World");
  }
})();

const client = new zmq.Request({ linger: 0 });
client.connect("tcp://127.0.0.1:5555");
for (let i = 0; i < 3; i++) {
  await client.send("Hello");
  console.log("Client got", (await client.receive()).toString());
}
await serving;
server.close();
