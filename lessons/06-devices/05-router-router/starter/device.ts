import type * as zmq from "zeromq";

/** Moves messages from one ROUTER to the other. */
async function relay(from: zmq.Router, to: zmq.Router) {
  for await (const message of from) {
    if (to.closed) return;
    await to.send(message);
  }
}

/** A queue with ROUTER sockets on both sides: peers address each other by identity. */
export async function routerRouterQueue(ins: zmq.Router, outs: zmq.Router): Promise<void> {
  await Promise.all([relay(ins, outs), relay(outs, ins)]);
}
