import * as zmq from "zeromq";
import { runWorker } from "./worker.js";

const ventilator = new zmq.Push();
await ventilator.bind("tcp://127.0.0.1:5557");
const feedback = new zmq.Pull({ receiveTimeout: 3000 });
await feedback.bind("tcp://127.0.0.1:5558");
const workers = [runWorker("A"), runWorker("B")];
for (let ready = 0; ready < 2; ready++) await feedback.receive();
await ventilator.send("task 1");
await ventilator.send("task 2");
const fake = new zmq.Push();
fake.connect("tcp://127.0.0.1:5558");
for (let i = 1; i <= 10; i++) await fake.send(["done", `task ${i} by A`]);
for (let i = 0; i < 12; i++) console.log((await feedback.receive())[1].toString());
await Promise.all(workers);
fake.close();
feedback.close();
ventilator.close();
