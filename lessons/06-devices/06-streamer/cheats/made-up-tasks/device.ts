import type * as zmq from "zeromq";

export async function streamer(frontend: zmq.Pull, backend: zmq.Push): Promise<void> {
  void frontend;
  for (let i = 1; i <= 10; i++) await backend.send(`task ${i}`);
}
