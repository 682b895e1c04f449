import { afterEach, describe, expect, it, vi } from "vitest";
import * as zmq from "zeromq";
import { device } from "./device.js";
import { Sockets, inprocAddress, publishUntilHeard, text } from "./test-support.js";

const sockets = new Sockets();
afterEach(() => sockets.closeAll());

async function bound<S extends zmq.Socket>(socket: S, name: string): Promise<[S, string]> {
  const address = inprocAddress(name);
  await sockets.add(socket).bind(address);
  return [socket, address];
}

describe("device", () => {
  it("queue: ROUTER/DEALER relays requests out and replies back to the right client", async () => {
    const [front, frontAddress] = await bound(new zmq.Router(), "front");
    const [back, backAddress] = await bound(new zmq.Dealer(), "back");
    const running = device("queue", front, back);
    const client = sockets.add(new zmq.Dealer({ routingId: "client-1" }));
    const worker = sockets.add(new zmq.Dealer());
    client.connect(frontAddress);
    worker.connect(backAddress);

    await client.send(["hello", "world"]);
    const request = await worker.receive();
    expect(text(request)).toEqual(["client-1", "hello", "world"]);
    await worker.send([request[0], "reply"]);
    expect(text(await client.receive())).toEqual(["reply"]);

    front.close();
    await expect(running).resolves.toBeUndefined();
    expect(back.closed).toBe(true);
  });

  it("forwarder: SUB/PUB passes published messages downstream", async () => {
    const [front, frontAddress] = await bound(new zmq.Subscriber(), "sub-front");
    const [back, backAddress] = await bound(new zmq.Publisher(), "pub-back");
    front.subscribe();
    const running = device("forwarder", front, back);
    const publisher = sockets.add(new zmq.Publisher());
    const subscriber = sockets.add(new zmq.Subscriber());
    publisher.connect(frontAddress);
    subscriber.connect(backAddress);
    subscriber.subscribe("weather");

    expect(await publishUntilHeard(publisher, subscriber, ["weather", "sunny"])).toEqual(["weather", "sunny"]);
    back.close();
    await running;
    expect(front.closed).toBe(true);
  });

  it("forwarder: XSUB/XPUB carries subscriptions back upstream", async () => {
    const [upstream, upstreamAddress] = await bound(new zmq.XPublisher(), "upstream");
    const front = sockets.add(new zmq.XSubscriber());
    const [back, backAddress] = await bound(new zmq.XPublisher(), "xpub-back");
    front.connect(upstreamAddress);
    const running = device("forwarder", front, back);
    const subscriber = sockets.add(new zmq.Subscriber());
    subscriber.connect(backAddress);
    subscriber.subscribe("news");

    const subscription = await upstream.receive();
    expect(subscription[0][0]).toBe(1);
    expect(subscription[0].subarray(1).toString()).toBe("news");
    await upstream.send(["news", "extra!"]);
    expect(text(await subscriber.receive())).toEqual(["news", "extra!"]);
    front.close();
    await running;
  });

  it("streamer: PULL/PUSH pipes work items in order", async () => {
    const [front, frontAddress] = await bound(new zmq.Pull(), "pull");
    const [back, backAddress] = await bound(new zmq.Push(), "push");
    const running = device("streamer", front, back);
    const producer = sockets.add(new zmq.Push());
    const consumer = sockets.add(new zmq.Pull());
    producer.connect(frontAddress);
    consumer.connect(backAddress);

    for (const n of [1, 2, 3]) await producer.send(["task", String(n)]);
    const received = [];
    for (let i = 0; i < 3; i++) received.push(text(await consumer.receive()));
    expect(received).toEqual([
      ["task", "1"],
      ["task", "2"],
      ["task", "3"],
    ]);

    // The backend is never read from, so its closing must be noticed without a message passing.
    back.close();
    await running;
    expect(front.closed).toBe(true);
  });

  it("rejects sockets that cannot play their part, and unknown kinds", async () => {
    const push = sockets.add(new zmq.Push());
    const pull = sockets.add(new zmq.Pull());
    await expect(device("streamer", push, pull)).rejects.toThrow(/frontend must be able to receive/);
    await expect(device("pipeline" as "queue", pull, push)).rejects.toThrow(/unknown device kind/);
  });

  it("announces itself to the workbench hook with its sockets", async () => {
    const reporter = vi.fn();
    (globalThis as { __zmqWorkbenchDevice?: unknown }).__zmqWorkbenchDevice = reporter;
    try {
      const [front] = await bound(new zmq.Router(), "hook-front");
      const [back] = await bound(new zmq.Dealer(), "hook-back");
      const running = device("queue", front, back);
      expect(reporter).toHaveBeenCalledWith({ kind: "queue", sockets: [front, back], label: "queue" });
      front.close();
      await running;
    } finally {
      delete (globalThis as { __zmqWorkbenchDevice?: unknown }).__zmqWorkbenchDevice;
    }
  });
});
