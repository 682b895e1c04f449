import type * as zmq from "zeromq";

/**
 * The STREAMER device: everything the PULL frontend receives goes out of the PUSH backend, unchanged, until either
 * socket is closed.
 */
export async function streamer(frontend: zmq.Pull, backend: zmq.Push): Promise<void> {
  // TODO: write the device loop.
  void frontend;
  void backend;
}
