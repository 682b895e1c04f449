import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5620");
async function subscriber() {
  const socket = new zmq.Subscriber();
  socket.connect("tcp://127.0.0.1:5620");
  socket.subscribe("update");
  for (;;) if ((await socket.receive())[1].toString() === "END") break;
  socket.close();
}
const subscribers = [subscriber(), subscriber(), subscriber()];
await new Promise((resolve) => setTimeout(resolve, 1000));
for (let i = 1; i <= 10; i++) await publisher.send(["update", `${i}`]);
await publisher.send(["update", "END"]);
await Promise.all(subscribers);
publisher.close();
