import * as zmq from "zeromq";

const paths = ["ipc:///tmp/a.ipc", "ipc:///tmp/b.ipc"];
const servers = await Promise.all(paths.map(async (path) => {
  const server = new zmq.Reply();
  await server.bind(path);
  const done = (async () => {
    for await (const [request] of server) await server.send(`${request} served at ${path}`);
  })();
  return { server, done };
}));
const client = new zmq.Request();
for (const path of paths) client.connect(path);
for (let i = 1; i <= 4; i++) {
  await client.send(`request ${i}`);
  console.log((await client.receive()).toString());
}
client.close();
for (const { server, done } of servers) {
  server.close();
  await done;
}
