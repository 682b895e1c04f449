// Draft sockets: a thread-safe SERVER answers CLIENTs by routing id (zeromq/draft.js: an ES module needs the file name, as zeromq has no exports map).
import { Client, Server } from "zeromq/draft.js";

const server = new Server();
await server.bind("tcp://127.0.0.1:27200");
const clients = [new Client(), new Client()];
for (const c of clients) c.connect("tcp://127.0.0.1:27200");

const serving = (async () => {
  for (let i = 0; i < 4; i++) {
    const [request, { routingId }] = await server.receive();
    await server.send(`re: ${request}`, { routingId });
  }
})();
const replies = [];
for (const [i, c] of clients.entries()) {
  for (let n = 0; n < 2; n++) {
    await c.send(`client ${i} #${n}`);
    replies.push(String((await c.receive())[0]));
  }
}
await serving;
console.log(replies.join("\n"));
server.close();
for (const c of clients) c.close();
