import * as zmq from "zeromq";

const server = new zmq.Router({ receiveTimeout: 300 });
await server.bind("tcp://127.0.0.1:5570");

async function client(name: string) {
  const dealer = new zmq.Dealer({ routingId: name });
  dealer.connect("tcp://127.0.0.1:5570");
  await dealer.send("hello");
  for (let i = 0; i < 3; i++) console.log(name, (await dealer.receive()).toString());
  for (let i = 1; i <= 3; i++) await dealer.send(`job ${i}`);
  dealer.close();
}
const clients = Promise.all([client("alice"), client("bob")]);
for (let hello = 0; hello < 2; hello++) {
  const [identity] = await server.receive();
  for (let i = 1; i <= 3; i++) await server.send([identity, `done: job ${i}`]);
}
await clients;
server.close();
