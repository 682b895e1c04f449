import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");
const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:5556");
subscriber.subscribe("reading");
await new Promise((resolve) => setTimeout(resolve, 1000));
for (let i = 1; i <= 5; i++) await publisher.send(["reading", String(i)]);
for (let i = 0; i < 5; i++) console.log("got reading", (await subscriber.receive())[1].toString());
subscriber.close();
publisher.close();
