import type * as zmq from "zeromq";

export async function forwarder(frontend: zmq.XSubscriber, backend: zmq.XPublisher): Promise<void> {
  const data = (async () => {
    for await (const message of frontend) if (!backend.closed) await backend.send(message);
  })();
  const subscriptions = (async () => {
    for await (const message of backend) if (!frontend.closed) await frontend.send(message);
  })();
  await Promise.all([data, subscriptions]);
}
