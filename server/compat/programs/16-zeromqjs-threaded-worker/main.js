// zeromq.js's threaded-worker example shape: the work is spread over worker threads started from code (eval),
// which talk to the main thread over inproc sockets in the shared context.
const { Worker } = require("node:worker_threads");
const zmq = require("zeromq");

const THREADS = 3;
const WORKER = `
const { parentPort } = require("node:worker_threads");
const zmq = require("zeromq");
(async () => {
  const input = new zmq.Pull();
  input.connect("inproc://tasks");
  const output = new zmq.Push();
  output.connect("inproc://results");
  parentPort.postMessage("ready");
  for await (const [task] of input) {
    const text = String(task);
    if (text === "stop") break;
    await output.send(text.toUpperCase().split("").reverse().join(""));
  }
  input.close();
  output.close();
})();
`;

async function main() {
  const tasks = new zmq.Push();
  await tasks.bind("inproc://tasks");
  const results = new zmq.Pull();
  await results.bind("inproc://results");
  const threads = Array.from({ length: THREADS }, () => new Worker(WORKER, { eval: true }));
  await Promise.all(threads.map((t) => new Promise((resolve) => t.once("message", resolve))));
  const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"];
  for (const word of words) await tasks.send(word);
  const done = [];
  for (let i = 0; i < words.length; i++) done.push(String((await results.receive())[0]));
  console.log(done.sort().join(" "));
  for (let i = 0; i < THREADS; i++) await tasks.send("stop");
  await Promise.all(threads.map((t) => new Promise((resolve) => t.on("exit", resolve))));
  tasks.close();
  results.close();
}

main();
