import * as zmq from "zeromq";

const publisher = new zmq.XPublisher();
await publisher.bind("tcp://127.0.0.1:7020");
const subscriber = new zmq.Subscriber();

const publishing = (async () => {
  for await (const [event] of publisher) {
    if (event[0] !== 1) continue;
    for (let i = 1; i <= 5; i++) await publisher.send(["temp", `${20 + i}`]);
    return;
  }
})();

subscriber.connect("tcp://127.0.0.1:7020");
subscriber.subscribe("temp");
for (let i = 0; i < 5; i++) {
  const [, value] = await subscriber.receive();
  console.log("temp", value.toString());
}
await publishing;
subscriber.close();
publisher.close();
