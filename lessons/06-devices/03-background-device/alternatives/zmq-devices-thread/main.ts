import * as zmq from "zeromq";
import { ThreadDevice } from "zmq-devices";

const device = new ThreadDevice("streamer", zmq.Pull, zmq.Push);
device.bindIn("tcp://127.0.0.1:*").bindOut("tcp://127.0.0.1:*");
const { in: [pushHere], out: [pullHere] } = await device.start();

const producer = new zmq.Push();
producer.connect(pushHere);
const consumer = new zmq.Pull();
consumer.connect(pullHere);
for (let i = 1; i <= 12; i++) await producer.send(`job ${i}`);
for (let i = 0; i < 12; i++) console.log((await consumer.receive()).toString());
producer.close();
consumer.close();
await device.stop();
