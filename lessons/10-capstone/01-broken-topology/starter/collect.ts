import type * as zmq from "zeromq";

/** Receives until the socket's receiveTimeout expires; returns a line saying how many messages came. */
export async function collect(name: string, socket: zmq.Socket & zmq.Readable): Promise<string> {
  let count = 0;
  try {
    for (;;) {
      await socket.receive();
      count++;
    }
  } catch {
    return `${name}: ${count} message(s)${count === 0 ? "  <- broken" : ""}`;
  }
}
