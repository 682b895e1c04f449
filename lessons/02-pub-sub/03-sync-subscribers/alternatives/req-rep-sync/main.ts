import * as zmq from "zeromq";

const SUBSCRIBERS = 3;
const publisher = new zmq.Publisher();
await publisher.bind("inproc://updates");
const sync = new zmq.Reply();
await sync.bind("inproc://sync");

async function subscriber(name: string) {
  const socket = new zmq.Subscriber();
  socket.connect("inproc://updates");
  socket.subscribe("update");
  const hello = new zmq.Request();
  hello.connect("inproc://sync");
  await hello.send(name);
  await hello.receive();
  hello.close();
  let got = 0;
  for await (const [, text] of socket) {
    if (text.toString() === "END") break;
    got++;
  }
  console.log(`${name}: ${got} updates`);
  socket.close();
}
const subscribers = ["a", "b", "c"].map(subscriber);
for (let ready = 0; ready < SUBSCRIBERS; ready++) {
  await sync.receive();
  await sync.send("go");
}
for (let i = 1; i <= 10; i++) await publisher.send(["update", `${i}`]);
await publisher.send(["update", "END"]);
await Promise.all(subscribers);
sync.close();
publisher.close();
