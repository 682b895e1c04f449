// Divide and conquer: a ventilator pushes tasks to workers in threads, which push results to the sink; the sink
// tells the workers to stop over PUB/SUB once every result is in.
const zmq = require("zeromq");
const { Worker } = require("node:worker_threads");
const path = require("node:path");

const WORKERS = 2;
const TASKS = 20;

async function main() {
  const sink = new zmq.Pull();
  await sink.bind("tcp://127.0.0.1:27030");
  const ventilator = new zmq.Push();
  await ventilator.bind("tcp://127.0.0.1:27031");
  const control = new zmq.Publisher();
  await control.bind("tcp://127.0.0.1:27032");
  const threads = [];
  for (let i = 0; i < WORKERS; i++) threads.push(new Worker(path.join(__dirname, "worker.js")));
  for (let i = 0; i < WORKERS; i++) await sink.receive(); // each worker says it is ready
  let workload = 0;
  for (let i = 0; i < TASKS; i++) {
    const ms = ((i * 37) % 50) + 1;
    workload += ms;
    await ventilator.send(String(ms));
  }
  let done = 0;
  for (let i = 0; i < TASKS; i++) done += Number(String((await sink.receive())[0]));
  console.log(`Total expected cost: ${workload} msec, results add up to ${done}`);
  await control.send("KILL");
  await Promise.all(threads.map((t) => new Promise((resolve) => t.on("exit", resolve))));
  for (const s of [sink, ventilator, control]) s.close();
}

main();
