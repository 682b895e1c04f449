import * as zmq from "zeromq";

const server = new zmq.Router();
await server.bind("tcp://127.0.0.1:7070");
const serving = (async () => {
  for await (const [identity, job] of server) await server.send([identity, `done: ${job}`]);
})();

async function client(name: string) {
  const dealer = new zmq.Dealer({ routingId: name });
  dealer.connect("tcp://127.0.0.1:7070");
  await Promise.all([1, 2, 3].map((i) => dealer.send(`${name} job ${i}`)));
  for (let i = 0; i < 3; i++) console.log((await dealer.receive()).toString());
  dealer.close();
}
await Promise.all(["ann", "ben", "cat"].map(client));
server.close();
await serving;
