import type * as zmq from "zeromq";

export async function forwarder(frontend: zmq.XSubscriber, backend: zmq.XPublisher): Promise<void> {
  await frontend.send(Buffer.from([1]));
  const drain = (async () => {
    for await (const _ of backend);
  })();
  for await (const message of frontend) if (!backend.closed) await backend.send(message);
  await drain;
}
