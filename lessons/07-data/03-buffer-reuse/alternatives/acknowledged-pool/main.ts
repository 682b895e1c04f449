import * as zmq from "zeromq";

const FRAMES = 4;
const producer = new zmq.Push();
const consumer = new zmq.Pull();
await consumer.bind("inproc://video");
producer.connect("inproc://video");
const acks = new zmq.Pull();
await acks.bind("inproc://acks");
const acker = new zmq.Push();
acker.connect("inproc://acks");

const consuming = (async () => {
  for (let n = 0; n < FRAMES; n++) {
    const [bytes] = await consumer.receive();
    const pixels = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    console.log(`frame ${n}: first pixel ${pixels[0]}`);
    await acker.send(String(n)); // done with frame n: its buffer may be reused
  }
})();

const pool = [new Float64Array(8192), new Float64Array(8192)];
for (let n = 0; n < FRAMES; n++) {
  if (n >= pool.length) await acks.receive(); // frame n - 2 was read: its buffer is free
  const frame = pool[n % pool.length];
  frame.fill(n);
  await producer.send(frame);
}
await consuming;
for (const s of [producer, consumer, acks, acker]) s.close();
