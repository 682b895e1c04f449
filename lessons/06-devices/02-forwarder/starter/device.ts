import type * as zmq from "zeromq";

/** Copies every message from one socket to the other until `from` is closed. */
async function forward(from: zmq.Socket & zmq.Readable, to: zmq.Socket & zmq.Writable) {
  for await (const message of from) {
    if (to.closed) return;
    await to.send(message);
  }
}

/** The FORWARDER device: publishers connect to the XSUB frontend, subscribers to the XPUB backend. */
export async function forwarder(frontend: zmq.XSubscriber, backend: zmq.XPublisher): Promise<void> {
  await forward(frontend, backend);
}

/** The STREAMER device: a one-way pipeline stage. */
export async function streamer(frontend: zmq.Pull, backend: zmq.Push): Promise<void> {
  await forward(frontend, backend);
}
