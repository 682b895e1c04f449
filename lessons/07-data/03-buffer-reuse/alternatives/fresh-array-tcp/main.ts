import * as zmq from "zeromq";

const producer = new zmq.Push();
const consumer = new zmq.Pull();
await consumer.bind("tcp://127.0.0.1:7590");
producer.connect("tcp://127.0.0.1:7590");

for (let n = 0; n < 3; n++) await producer.send(new Float64Array(8192).fill(n));
let n = 0;
for await (const [bytes] of consumer) {
  console.log(`frame ${n}: first pixel ${bytes.readDoubleLE(0)}`);
  if (++n === 3) break;
}
producer.close();
consumer.close();
