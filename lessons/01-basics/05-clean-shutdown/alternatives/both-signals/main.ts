import * as zmq from "zeromq";

// A small service: takes jobs, pushes results, runs until it is told to stop.
const jobs = new zmq.Pull();
await jobs.bind("tcp://127.0.0.1:5610");
const results = new zmq.Push();
await results.bind("tcp://127.0.0.1:5611");
const service = (async () => {
  for await (const [job] of jobs) await results.send(`done: ${job}`);
  console.log("service: stopped");
})();

// One handler for Ctrl-C (SIGINT) and for `kill` (SIGTERM).
function shutdown(signal: NodeJS.Signals) {
  console.log(`service: ${signal}`);
  for (const socket of [jobs, results]) if (!socket.closed) socket.close();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, shutdown);

// The operator: three jobs, their results, then the stop signal (as `kill <pid>` or a container stop sends it).
const operator = new zmq.Push();
operator.connect("tcp://127.0.0.1:5610");
const inbox = new zmq.Pull();
inbox.connect("tcp://127.0.0.1:5611");
for (let i = 1; i <= 3; i++) {
  await operator.send(`job ${i}`);
  console.log((await inbox.receive()).toString());
}
operator.close();
inbox.close();
process.kill(process.pid, "SIGINT");
await service;
