import * as zmq from "zeromq";
import { streamer } from "./device.js";

// The device between the ventilator and the workers.
const frontend = new zmq.Pull();
await frontend.bind("inproc://tasks-in");
const backend = new zmq.Push();
await backend.bind("inproc://tasks-out");
const device = streamer(frontend, backend);

// Results come back here. The timeout only ends a run in which they never come.
const sink = new zmq.Pull({ receiveTimeout: 3000 });
await sink.bind("inproc://results");

/** A worker takes tasks from the device and pushes one result per task, until main closes it. */
function worker(_name: string) {
  const tasks = new zmq.Pull();
  tasks.connect("inproc://tasks-out");
  const results = new zmq.Push();
  results.connect("inproc://results");
  const done = (async () => {
    for await (const [task] of tasks) await results.send(task.length > 0 ? "ok" : "empty");
    results.close();
  })();
  return { tasks, done };
}
const workers = [worker("w1"), worker("w2")];

const ventilator = new zmq.Push();
ventilator.connect("inproc://tasks-in");
for (let i = 1; i <= 10; i++) await ventilator.send(`task ${i}`);
try {
  for (let i = 0; i < 10; i++) console.log((await sink.receive()).toString());
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("sink: no results for 3 s");
}
for (const w of workers) w.tasks.close();
await Promise.all(workers.map((w) => w.done));
for (const s of [ventilator, sink, frontend, backend]) s.close();
await device;
