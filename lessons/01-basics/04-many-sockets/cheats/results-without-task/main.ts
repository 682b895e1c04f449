import * as zmq from "zeromq";

// The worker's two sockets.
const tasks = new zmq.Pull();
await tasks.bind("inproc://tasks");
const results = new zmq.Push();
await results.bind("inproc://results");
const pings = new zmq.Reply();
await pings.bind("inproc://pings");

// One loop per socket: each waits on its own socket, and the event loop runs them side by side.
async function work() {
  const serveTasks = (async () => {
    for await (const [task] of tasks) await results.send(`result of task ${task.length > 0 ? 1 : 0}`);
  })();
  const servePings = (async () => {
    for await (const [ping] of pings) await pings.send(`pong to ${ping}`);
  })();
  await Promise.all([serveTasks, servePings]);
}
const working = work();

// The driver alternates a task and a ping. The timeout only ends a run whose pings go unanswered.
const driver = new zmq.Push();
driver.connect("inproc://tasks");
const collected = new zmq.Pull();
collected.connect("inproc://results");
const pinger = new zmq.Request({ receiveTimeout: 3000 });
pinger.connect("inproc://pings");
try {
  for (let i = 1; i <= 4; i++) {
    await driver.send(`task ${i}`);
    console.log((await collected.receive()).toString());
    await pinger.send(`ping ${i}`);
    console.log((await pinger.receive()).toString());
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("driver: a ping went unanswered for 3 s");
}
for (const s of [driver, collected, pinger, tasks, results, pings]) s.close();
await working;
