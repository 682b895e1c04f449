import * as zmq from "zeromq";

/**
 * A worker: pulls tasks from the ventilator, pushes one result per task on the feedback channel, and goes home
 * after 1.5 s without a task. The send timeout only ends a run in which nobody listens for feedback.
 */
export async function runWorker(name: string): Promise<void> {
  const tasks = new zmq.Pull({ receiveTimeout: 1500 });
  const feedback = new zmq.Push({ sendTimeout: 3000, linger: 0 });
  tasks.connect("tcp://127.0.0.1:5557");
  feedback.connect("tcp://127.0.0.1:5558");
  try {
    await feedback.send(["ready", name]);
    for (;;) {
      const [task] = await tasks.receive();
      await new Promise((resolve) => setTimeout(resolve, 10)); // the "work"
      await feedback.send(["done", `${task} by ${name}`]);
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "EAGAIN") throw err;
    console.log(`${name} goes home`);
  } finally {
    tasks.close();
    feedback.close();
  }
}
