import * as zmq from "zeromq";

const topics = ["north", "south", "east", "west"];
const publisher = new zmq.XPublisher({ verbosity: "allSubsUnsubs" });
await publisher.bind("tcp://127.0.0.1:7620");

async function subscriber(topic: string) {
  const socket = new zmq.Subscriber();
  socket.connect("tcp://127.0.0.1:7620");
  socket.subscribe(topic);
  for (;;) {
    const [, text] = await socket.receive();
    if (text.toString() === "END") break;
  }
  socket.close();
}
const subscribers = topics.map(subscriber);
const waiting = new Set(topics);
while (waiting.size > 0) {
  const [event] = await publisher.receive();
  if (event[0] === 1) waiting.delete(event.subarray(1).toString());
}
for (let i = 1; i <= 5; i++) for (const topic of topics) await publisher.send([topic, `${i}`]);
for (const topic of topics) await publisher.send([topic, "END"]);
await Promise.all(subscribers);
publisher.close();
