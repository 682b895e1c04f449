import type * as zmq from "zeromq";

export async function forwarder(frontend: zmq.XSubscriber, backend: zmq.XPublisher): Promise<void> {
  const drain = (async () => {
    for await (const _ of frontend);
  })();
  for await (const [subscription] of backend) {
    await frontend.send(subscription);
    for (let i = 0; i < 8; i++) await backend.send(["temperature.kitchen", "21.0"]);
  }
  await drain;
}
