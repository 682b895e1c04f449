import * as zmq from "zeromq";

// The worker's two sockets.
const tasks = new zmq.Pull();
await tasks.bind("inproc://tasks");
const results = new zmq.Push();
await results.bind("inproc://results");
const pings = new zmq.Reply();
await pings.bind("inproc://pings");

// One loop: a pending receive per socket, raced; only the socket that answered is asked again.
async function work() {
  const next = (socket: zmq.Pull | zmq.Reply, name: string) => socket.receive().then((m) => ({ name, m }), () => ({ name: "closed", m: [] as Buffer[] }));
  const pending = new Map([["task", next(tasks, "task")], ["ping", next(pings, "ping")]]);
  for (;;) {
    const { name, m } = await Promise.race(pending.values());
    if (name === "closed") return;
    if (name === "task") await results.send(`result of ${m[0]}`);
    else await pings.send(`pong to ${m[0]}`);
    pending.set(name, next(name === "task" ? tasks : pings, name));
  }
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
