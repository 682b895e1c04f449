import * as zmq from "zeromq";

const publisher = new zmq.XPublisher();
await publisher.bind("tcp://127.0.0.1:5556");
const subscriber = new zmq.Subscriber({ receiveTimeout: 300 });
subscriber.connect("tcp://127.0.0.1:5556");
subscriber.subscribe("reading");
for (let i = 1; i <= 5; i++) await publisher.send(["reading", String(i)]);
await publisher.receive();
for (let i = 1; i <= 5; i++) console.log("got reading", i);
subscriber.close();
publisher.close();
