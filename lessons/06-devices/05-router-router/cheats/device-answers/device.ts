import type * as zmq from "zeromq";

export async function routerRouterQueue(ins: zmq.Router, outs: zmq.Router): Promise<void> {
  void outs;
  for await (const [sender, destination, job] of ins) {
    await ins.send([sender, destination, `${job} computed on ${destination}`]);
  }
}
