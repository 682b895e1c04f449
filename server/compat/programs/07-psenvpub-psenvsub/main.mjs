// Pub-sub envelopes: the key is a frame of its own, the subscriber filters on it and reads the body after it.
import * as zmq from "zeromq";

const publisher = new zmq.XPublisher();
await publisher.bind("tcp://127.0.0.1:27070");
const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:27070");
subscriber.subscribe("B");
await publisher.receive();

const receiving = (async () => {
  const lines = [];
  for await (const [address, contents] of subscriber) {
    lines.push(`[${address}] ${contents}`);
    if (String(contents) === "last") break;
  }
  return lines;
})();

for (let i = 0; i < 5; i++) {
  await publisher.send(["A", "We don't want to see this"]);
  await publisher.send(["B", "We would like to see this"]);
}
await publisher.send(["B", "last"]);
console.log((await receiving).join("\n"));
publisher.close();
subscriber.close();
