import * as zmq from "zeromq";
import { receiveArray, sendArray } from "./array.js";

const producer = new zmq.Push();
const consumer = new zmq.Pull();
await consumer.bind("inproc://matrices");
producer.connect("inproc://matrices");

const shape = [500, 500];
const matrix = new Float64Array(shape[0] * shape[1]).map((_, i) => Math.sin(i));

// 1. Your sendArray/receiveArray, checked by the lesson.
let started = performance.now();
await sendArray(producer, matrix, shape);
const { header, array } = await receiveArray(consumer);
console.log(`sendArray: ${header.dtype} ${header.shape.join("x")} in ${(performance.now() - started).toFixed(1)} ms,`,
  `element [1] = ${array[1].toFixed(4)}`);

// 2. Side by side: copying the bytes at both ends, and not copying them.
const rounds = 20;
started = performance.now();
for (let i = 0; i < rounds; i++) {
  await producer.send(["copy", Buffer.from(matrix.buffer.slice(0))]);
  const [, body] = await consumer.receive();
  new Float64Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
}
const copying = (performance.now() - started) / rounds;
started = performance.now();
for (let i = 0; i < rounds; i++) {
  await producer.send(["view", matrix]);
  const [, body] = await consumer.receive();
  new Float64Array(body.buffer, body.byteOffset, body.byteLength / 8);
}
const viewing = (performance.now() - started) / rounds;
const mb = (matrix.byteLength / 1e6).toFixed(1);
console.log(`${mb} MB per array: copying ${copying.toFixed(2)} ms, zero-copy ${viewing.toFixed(2)} ms (${(copying / viewing).toFixed(1)}x)`);

producer.close();
consumer.close();
