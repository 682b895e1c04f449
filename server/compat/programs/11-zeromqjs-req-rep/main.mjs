// zeromq.js's req-rep example shape: the client connects first, the server binds a moment later.
import { Reply, Request } from "zeromq";

async function runClient() {
  const sock = new Request();
  sock.connect("tcp://127.0.0.1:27110");
  console.log("Producer bound to port 27110");
  for (const n of [4, 5, 6]) {
    await sock.send(String(n));
    const [result] = await sock.receive();
    console.log(`${n} doubled is ${result}`);
  }
  sock.close();
}

async function runServer() {
  const sock = new Reply();
  await sock.bind("tcp://127.0.0.1:27110");
  for await (const [msg] of sock) {
    await sock.send(String(2 * Number(msg)));
    if (Number(msg) === 6) break;
  }
  sock.close();
}

await Promise.all([runClient(), runServer()]);
