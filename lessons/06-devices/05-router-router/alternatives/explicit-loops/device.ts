import type * as zmq from "zeromq";

async function pump(from: zmq.Router, to: zmq.Router) {
  while (!from.closed) {
    const frames = await from.receive().catch((err: { code?: string }) => {
      if (from.closed) return undefined;
      throw err;
    });
    if (!frames || to.closed) return;
    const [sender, destination, ...body] = frames;
    await to.send([destination, sender, ...body]);
  }
}

export async function routerRouterQueue(ins: zmq.Router, outs: zmq.Router): Promise<void> {
  await Promise.all([pump(ins, outs), pump(outs, ins)]);
}
