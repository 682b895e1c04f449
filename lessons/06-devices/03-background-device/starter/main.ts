import * as zmq from "zeromq";
import { streamer } from "./device.js";

// The device: a STREAMER between producers and consumers.
const frontend = new zmq.Pull({ receiveTimeout: 300 });
const backend = new zmq.Push();
await frontend.bind("tcp://127.0.0.1:5563");
await backend.bind("tcp://127.0.0.1:5564");
await streamer(frontend, backend); // a device loops until its sockets close: the lines below wait for it
frontend.close();
backend.close();

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
