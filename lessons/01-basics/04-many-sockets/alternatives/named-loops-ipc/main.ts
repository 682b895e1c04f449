import * as zmq from "zeromq";

// The worker's two sockets.
const tasks = new zmq.Pull();
await tasks.bind("ipc:///tmp/tasks");
const results = new zmq.Push();
await results.bind("ipc:///tmp/results");
const pings = new zmq.Reply();
await pings.bind("ipc:///tmp/pings");

async function serveTasks() {
  while (!tasks.closed) {
    const [task] = await tasks.receive().catch(() => [undefined]);
    if (task === undefined) return;
    await results.send(`result of ${task}`);
  }
}
async function servePings() {
  while (!pings.closed) {
    const [ping] = await pings.receive().catch(() => [undefined]);
    if (ping === undefined) return;
    await pings.send(`pong to ${ping}`);
  }
}

// One loop per socket: each waits on its own socket, and the event loop runs them side by side.
async function work() {
  await Promise.all([serveTasks(), servePings()]);
}
const working = work();

// The driver alternates a task and a ping. The timeout only ends a run whose pings go unanswered.
const driver = new zmq.Push();
driver.connect("ipc:///tmp/tasks");
const collected = new zmq.Pull();
collected.connect("ipc:///tmp/results");
const pinger = new zmq.Request({ receiveTimeout: 3000 });
pinger.connect("ipc:///tmp/pings");
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
