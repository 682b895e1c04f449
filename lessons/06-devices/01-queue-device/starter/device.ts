import type * as zmq from "zeromq";

/** Copies every message from one socket to the other until `from` is closed. */
async function forward(from: zmq.Socket & zmq.Readable, to: zmq.Socket & zmq.Writable) {
  for await (const message of from) {
    if (to.closed) return;
    await to.send(message);
  }
}

/** The QUEUE device: a ROUTER frontend for clients, a DEALER backend for workers. */
export async function queue(frontend: zmq.Router, backend: zmq.Dealer): Promise<void> {
  await forward(frontend, backend);
}
