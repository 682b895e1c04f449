// zeromq.js's push-pull example shape: a worker connects and iterates with for await; the producer binds.
import { Pull, Push } from "zeromq";

async function runWorker() {
  const sock = new Pull();
  sock.connect("tcp://127.0.0.1:27120");
  const seen = [];
  for await (const [msg] of sock) {
    if (String(msg) === "done") break;
    seen.push(String(msg));
  }
  sock.close();
  console.log(`work: ${seen.join(" ")}`);
}

async function runProducer() {
  const sock = new Push();
  await sock.bind("tcp://127.0.0.1:27120");
  for (let i = 0; i < 8; i++) await sock.send(`some work ${i}`);
  await sock.send("done");
  sock.close();
}

await Promise.all([runWorker(), runProducer()]);
console.log("finished");
