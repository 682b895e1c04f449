import type * as zmq from "zeromq";

/** Moves messages from one ROUTER to the other, swapping sender and destination. */
async function relay(from: zmq.Router, to: zmq.Router) {
  for await (const [sender, destination, ...body] of from) {
    if (to.closed) return;
    await to.send([destination, sender, ...body]);
  }
}

/** A queue with ROUTER sockets on both sides: peers address each other by identity. */
export async function routerRouterQueue(ins: zmq.Router, outs: zmq.Router): Promise<void> {
  await Promise.all([relay(ins, outs), relay(outs, ins)]);
}
