import * as zmq from "zeromq";

const server = new zmq.Router({ receiveTimeout: 300 });
await server.bind("tcp://127.0.0.1:5570");

async function serve() {
  try {
    for (;;) {
      const [identity, job] = await server.receive();
      console.log(`server: ${job} from ${identity}`);
      void job;
      await server.send([identity, "done"]);
    }
  } catch (err) {
    // No job for 300 ms: the server stops. Any other error is a real one.
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
  }
}

async function client(name: string) {
  const dealer = new zmq.Dealer({ routingId: name, receiveTimeout: 300 });
  dealer.connect("tcp://127.0.0.1:5570");
  // Asynchronous: all three jobs go out before any answer comes back.
  for (let i = 1; i <= 3; i++) await dealer.send(`job ${i}`);
  let answers = 0;
  try {
    while (answers < 3) {
      const [answer] = await dealer.receive();
      console.log(`${name} got "${answer}"`);
      answers++;
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log(`${name} got ${answers} of 3 answers`);
  }
  dealer.close();
}

await Promise.all([serve(), client("alice"), client("bob")]);
server.close();
