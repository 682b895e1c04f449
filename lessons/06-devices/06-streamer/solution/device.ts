import type * as zmq from "zeromq";

/**
 * The STREAMER device: everything the PULL frontend receives goes out of the PUSH backend, unchanged, until either
 * socket is closed.
 */
export async function streamer(frontend: zmq.Pull, backend: zmq.Push): Promise<void> {
  for await (const message of frontend) {
    if (backend.closed) return;
    await backend.send(message);
  }
}
