import type * as zmq from "zeromq";
import { device } from "zmq-devices";

export function forwarder(frontend: zmq.XSubscriber, backend: zmq.XPublisher): Promise<void> {
  return device("forwarder", frontend, backend);
}
