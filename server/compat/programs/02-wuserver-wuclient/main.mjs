// Weather update server and client: the server publishes "zipcode temperature humidity" updates, the client
// subscribes to one zip code and averages the temperature. The server waits for the subscription (XPUB) first.
import zmq from "zeromq";

let seed = 7;
function random(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}

async function server() {
  const publisher = new zmq.XPublisher();
  await publisher.bind("tcp://127.0.0.1:27020");
  await publisher.receive(); // the client's subscription
  for (let i = 0; i < 300; i++) {
    const zipcode = i % 3 === 0 ? 10001 : 10000 + random(100);
    await publisher.send(`${zipcode} ${random(215) - 80} ${random(50) + 10}`);
  }
  await publisher.send("10001 end");
  publisher.close();
}

async function client() {
  const subscriber = new zmq.Subscriber();
  subscriber.connect("tcp://127.0.0.1:27020");
  subscriber.subscribe("10001 ");
  let total = 0;
  let count = 0;
  for await (const [update] of subscriber) {
    const [, temperature] = String(update).split(" ");
    if (temperature === "end") break;
    total += Number(temperature);
    count++;
  }
  console.log(`Average temperature for zipcode '10001' was ${(total / count).toFixed(1)}F over ${count} updates`);
  subscriber.close();
}

await Promise.all([server(), client()]);
