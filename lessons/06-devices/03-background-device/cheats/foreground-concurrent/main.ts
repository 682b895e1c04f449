import * as zmq from "zeromq";
import { streamer } from "./device.js";

const frontend = new zmq.Pull();
const backend = new zmq.Push();
await frontend.bind("tcp://127.0.0.1:5563");
await backend.bind("tcp://127.0.0.1:5564");
const device = streamer(frontend, backend);

const producer = new zmq.Push();
producer.connect("tcp://127.0.0.1:5563");
const consumer = new zmq.Pull();
consumer.connect("tcp://127.0.0.1:5564");
for (let i = 1; i <= 10; i++) await producer.send(`task ${i}`);
for (let i = 0; i < 10; i++) await consumer.receive();
producer.close();
consumer.close();
frontend.close();
backend.close();
await device;
