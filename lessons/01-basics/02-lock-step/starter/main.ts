import * as zmq from "zeromq";

const server = new zmq.Reply({ receiveTimeout: 500 });
await server.bind("tcp://127.0.0.1:5555");

async function serve() {
  try {
    for (;;) {
      const [request] = await server.receive();
      await server.send(`reply to ${request}`);
    }
  } catch (err) {
    // receiveTimeout: no more requests for half a second, so the server stops; anything else is a real error.
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
  }
}
const serving = serve();

const client = new zmq.Request({ sendTimeout: 500, receiveTimeout: 500 });
client.connect("tcp://127.0.0.1:5555");

try {
  for (let i = 1; i <= 3; i++) {
    await client.send(`request ${i}`);
    console.log(`sent request ${i}`);
  }
  for (let i = 1; i <= 3; i++) {
    const [reply] = await client.receive();
    console.log("got", reply.toString());
  }
} catch (err) {
  const { code, message } = err as { code?: string; message: string };
  console.log(`client failed with ${code}: ${message}`);
}

client.close();
await serving;
server.close();
