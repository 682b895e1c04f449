import type * as zmq from "zeromq";
import { device } from "zmq-devices";

/** The QUEUE device from the zmq-devices package. */
export function queue(frontend: zmq.Router, backend: zmq.Dealer): Promise<void> {
  return device("queue", frontend, backend);
}
