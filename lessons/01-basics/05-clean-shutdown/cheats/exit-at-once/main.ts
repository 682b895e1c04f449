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

process.once("SIGTERM", () => process.exit(0));

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
process.kill(process.pid, "SIGTERM");
await service;
