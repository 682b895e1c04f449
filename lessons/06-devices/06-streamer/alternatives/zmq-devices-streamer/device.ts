import type * as zmq from "zeromq";
import { device } from "zmq-devices";

export function streamer(frontend: zmq.Pull, backend: zmq.Push): Promise<void> {
  return device("streamer", frontend, backend);
}
