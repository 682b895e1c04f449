import type * as zmq from "zeromq";

/** The STREAMER device: copies tasks from a PULL frontend to a PUSH backend until either is closed. */
export async function streamer(frontend: zmq.Pull, backend: zmq.Push): Promise<void> {
  try {
    for await (const message of frontend) {
      if (backend.closed) return;
      await backend.send(message);
    }
  } catch (err) {
    console.log("device stopped:", (err as { code?: string }).code);
  }
}
