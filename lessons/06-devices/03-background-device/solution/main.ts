import * as zmq from "zeromq";
import { ThreadDevice } from "./background.js";

// The device: a STREAMER between producers and consumers, in a thread of its own.
const device = new ThreadDevice("streamer", "PULL", "PUSH");
device.bindIn("tcp://127.0.0.1:5563");
device.bindOut("tcp://127.0.0.1:5564");
device.setOut("sendHighWaterMark", 100);
await device.start();

// linger 0: if nobody takes the tasks, close() drops them instead of waiting forever.
const producer = new zmq.Push({ sendTimeout: 300, linger: 0 });
producer.connect("tcp://127.0.0.1:5563");
const consumer = new zmq.Pull({ receiveTimeout: 300 });
consumer.connect("tcp://127.0.0.1:5564");

let done = 0;
try {
  for (let i = 1; i <= 10; i++) await producer.send(`task ${i}`);
  for (; done < 10; done++) await consumer.receive();
} catch (err) {
  console.log("stuck:", (err as { code?: string }).code);
}
console.log(`consumer got ${done} of 10 tasks`);

producer.close();
consumer.close();
await device.stop();
