import * as zmq from "zeromq";

const SUBSCRIBERS = 2;
const publisher = new zmq.XPublisher({ verbosity: "allSubs" });
await publisher.bind("inproc://readings");

async function subscriber(name: string) {
  const socket = new zmq.Subscriber();
  socket.connect("inproc://readings");
  socket.subscribe("reading");
  for (let i = 0; i < 5; i++) console.log(name, (await socket.receive())[1].toString());
  socket.close();
}
const listening = Promise.all([subscriber("a"), subscriber("b")]);

for (let subscribed = 0; subscribed < SUBSCRIBERS; ) {
  const [event] = await publisher.receive();
  if (event[0] === 1) subscribed++;
}
for (let i = 1; i <= 5; i++) await publisher.send(["reading", String(i)]);
await listening;
publisher.close();
