import type * as zmq from "zeromq";
import { monitoredQueue as packaged } from "zmq-devices";

type Side = zmq.Socket & zmq.Readable & zmq.Writable;

export function monitoredQueue(ins: Side, outs: Side, monitor: zmq.Publisher, inPrefix = "in", outPrefix = "out"): Promise<void> {
  return packaged(ins as zmq.Router, outs as zmq.Dealer, monitor, { inPrefix, outPrefix });
}
