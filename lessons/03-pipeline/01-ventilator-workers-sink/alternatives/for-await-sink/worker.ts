import * as zmq from "zeromq";

/** A worker: pulls tasks from the ventilator, pushes one result per task on the feedback channel. */
export async function runWorker(name: string): Promise<void> {
  const tasks = new zmq.Pull({ receiveTimeout: 500 });
  const feedback = new zmq.Push({ sendTimeout: 500, linger: 0 });
  tasks.connect("tcp://127.0.0.1:7557");
  feedback.connect("tcp://127.0.0.1:7558");
  try {
    await feedback.send(["ready", name]);
    for (;;) {
      const [task] = await tasks.receive();
      await new Promise((resolve) => setTimeout(resolve, 10)); // the "work"
      await feedback.send(["done", `${task} by ${name}`]);
    }
  } catch (err) {
    console.log(`${name} stops: ${(err as { code?: string }).code}`);
  } finally {
    tasks.close();
    feedback.close();
  }
}
