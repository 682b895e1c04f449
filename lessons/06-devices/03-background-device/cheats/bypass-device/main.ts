import * as zmq from "zeromq";
import { ThreadDevice } from "./background.js";

const device = new ThreadDevice("streamer", "PULL", "PUSH");
device.bindIn("tcp://127.0.0.1:5563");
device.bindOut("tcp://127.0.0.1:5564");
await device.start();

const consumer = new zmq.Pull();
await consumer.bind("tcp://127.0.0.1:5565");
const producer = new zmq.Push();
producer.connect("tcp://127.0.0.1:5565");
for (let i = 1; i <= 10; i++) await producer.send(`task ${i}`);
for (let i = 0; i < 10; i++) await consumer.receive();
producer.close();
consumer.close();
await device.stop();
