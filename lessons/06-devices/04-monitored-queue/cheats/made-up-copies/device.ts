import type * as zmq from "zeromq";

type Side = zmq.Socket & zmq.Readable & zmq.Writable;

async function relay(from: Side, to: Side, monitor: zmq.Publisher, prefix: string) {
  let n = 0;
  for await (const message of from) {
    if (to.closed || monitor.closed) return;
    await to.send(message);
    await monitor.send([prefix, `message ${++n}`]);
  }
}

export async function monitoredQueue(ins: Side, outs: Side, monitor: zmq.Publisher, inPrefix = "in", outPrefix = "out"): Promise<void> {
  await Promise.all([relay(ins, outs, monitor, inPrefix), relay(outs, ins, monitor, outPrefix)]);
}
