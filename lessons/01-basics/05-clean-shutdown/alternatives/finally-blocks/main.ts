import * as zmq from "zeromq";

const stop = new AbortController();
process.once("SIGTERM", () => stop.abort());

async function service(jobsAt: string, resultsAt: string) {
  const jobs = new zmq.Pull();
  const results = new zmq.Push();
  stop.signal.addEventListener("abort", () => jobs.close());
  try {
    await jobs.bind(jobsAt);
    await results.bind(resultsAt);
    for await (const [job] of jobs) await results.send(`done: ${job}`);
  } finally {
    if (!jobs.closed) jobs.close();
    results.close();
  }
}
const running = service("ipc:///tmp/jobs", "ipc:///tmp/results");

const operator = new zmq.Push();
operator.connect("ipc:///tmp/jobs");
const inbox = new zmq.Pull();
inbox.connect("ipc:///tmp/results");
for (const job of ["a", "b", "c", "d"]) {
  await operator.send(job);
  console.log((await inbox.receive()).toString());
}
operator.close();
inbox.close();
process.kill(process.pid, "SIGTERM");
await running;
