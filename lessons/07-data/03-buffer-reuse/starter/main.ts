import * as zmq from "zeromq";

const producer = new zmq.Push();
const consumer = new zmq.Pull();
await consumer.bind("inproc://video");
producer.connect("inproc://video");

// One 64 KiB frame buffer, rendered again for every frame.
const frame = new Float64Array(8192);

for (let n = 0; n < 3; n++) {
  frame.fill(n); // "render" frame n
  await producer.send(frame);
}

for (let n = 0; n < 3; n++) {
  const [bytes] = await consumer.receive();
  const pixels = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  console.log(`frame ${n}: first pixel ${pixels[0]}`);
}

producer.close();
consumer.close();
