import type * as zmq from "zeromq";

/** Receives until the socket's receiveTimeout expires; returns a line saying how many messages came. */
export async function collect(name: string, socket: zmq.Socket & zmq.Readable): Promise<string> {
  let count = 0;
  try {
    for (;;) {
      await socket.receive();
      count++;
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    return `${name}: ${count} message(s)${count === 0 ? "  <- broken" : ""}`;
  }
}
