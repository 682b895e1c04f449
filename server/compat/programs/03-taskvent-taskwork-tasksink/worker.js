// Task worker: pulls a task, "works" for that many ms (here: echoes it), pushes the result; stops on KILL.
const zmq = require("zeromq");

async function work() {
  const receiver = new zmq.Pull();
  receiver.connect("tcp://127.0.0.1:27031");
  const sender = new zmq.Push();
  sender.connect("tcp://127.0.0.1:27030");
  const controller = new zmq.Subscriber();
  controller.connect("tcp://127.0.0.1:27032");
  controller.subscribe();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await sender.send("ready");
  const stop = controller.receive();
  for (;;) {
    const next = await Promise.race([receiver.receive().then(([task]) => String(task)), stop.then(() => null)]);
    if (next === null) break;
    await sender.send(next);
  }
  for (const s of [receiver, sender, controller]) s.close();
}

work();
