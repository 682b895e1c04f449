import type * as zmq from "zeromq";

export async function routerRouterQueue(ins: zmq.Router, outs: zmq.Router): Promise<void> {
  const back = (async () => {
    for await (const [engine, client, ...body] of outs) await ins.send([client, engine, ...body]);
  })();
  for await (const [sender, , ...body] of ins) await outs.send(["engine-a", sender, ...body]);
  await back;
}
