import * as zmq from "zeromq";

// The worker's two sockets.
const tasks = new zmq.Pull();
await tasks.bind("inproc://tasks");
const results = new zmq.Push();
await results.bind("inproc://results");
const pings = new zmq.Reply();
await pings.bind("inproc://pings");

async function work() {
  for await (const [task] of tasks) await results.send(`result of ${task}`);
  // TODO: pings are never answered. Serve `pings` at the same time: reply `pong to ${ping}`.
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
