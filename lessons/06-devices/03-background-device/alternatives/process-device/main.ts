import * as zmq from "zeromq";
import { ProcessDevice } from "zmq-devices";

const device = new ProcessDevice("streamer", "PULL", "PUSH");
device.bindIn("tcp://127.0.0.1:7563").bindOut("tcp://127.0.0.1:7564");
await device.start();

const producer = new zmq.Push();
producer.connect("tcp://127.0.0.1:7563");
const consumer = new zmq.Pull();
consumer.connect("tcp://127.0.0.1:7564");
const sending = (async () => {
  for (let i = 1; i <= 10; i++) await producer.send(`task ${i}`);
})();
let got = 0;
for await (const [task] of consumer) {
  console.log(task.toString());
  if (++got === 10) break;
}
await sending;
producer.close();
consumer.close();
await device.stop();
