import { afterEach, describe, expect, it } from "vitest";
import * as zmq from "zeromq";
import { monitoredQueue } from "./monitored-queue.js";
import { Sockets, delay, inprocAddress, text } from "./test-support.js";

const sockets = new Sockets();
afterEach(() => sockets.closeAll());

/** ins/outs bound, a PUB monitor with a SUB listening to everything. */
async function queueWith(insSocket: zmq.Socket, outsSocket: zmq.Socket) {
  const ins = sockets.add(insSocket);
  const outs = sockets.add(outsSocket);
  const mons = sockets.add(new zmq.Publisher());
  const [insAddress, outsAddress, monAddress] = [inprocAddress("ins"), inprocAddress("outs"), inprocAddress("mon")];
  await ins.bind(insAddress);
  await outs.bind(outsAddress);
  await mons.bind(monAddress);
  const monitor = sockets.add(new zmq.Subscriber());
  monitor.connect(monAddress);
  monitor.subscribe();
  return { ins, outs, mons, insAddress, outsAddress, monitor };
}

describe("monitoredQueue", () => {
  it("ROUTER/DEALER: relays both ways and copies each message to the monitor with its prefix", async () => {
    const q = await queueWith(new zmq.Router(), new zmq.Dealer());
    const running = monitoredQueue(q.ins, q.outs, q.mons);
    const client = sockets.add(new zmq.Dealer({ routingId: "alice" }));
    const worker = sockets.add(new zmq.Dealer());
    client.connect(q.insAddress);
    worker.connect(q.outsAddress);
    await delay(20); // the monitor's subscription must reach the PUB before the first copy

    await client.send(["ping", "1"]);
    expect(text(await worker.receive())).toEqual(["alice", "ping", "1"]);
    expect(text(await q.monitor.receive())).toEqual(["in", "alice", "ping", "1"]);

    await worker.send(["alice", "pong"]);
    expect(text(await client.receive())).toEqual(["pong"]);
    expect(text(await q.monitor.receive())).toEqual(["out", "alice", "pong"]);

    q.mons.close();
    await running;
    expect([q.ins.closed, q.outs.closed]).toEqual([true, true]);
  });

  it("uses custom prefixes", async () => {
    const q = await queueWith(new zmq.Router(), new zmq.Dealer());
    const running = monitoredQueue(q.ins, q.outs, q.mons, { inPrefix: "request", outPrefix: Buffer.from("reply") });
    const client = sockets.add(new zmq.Dealer({ routingId: "bob" }));
    const worker = sockets.add(new zmq.Dealer());
    client.connect(q.insAddress);
    worker.connect(q.outsAddress);
    await delay(20);

    await client.send("q");
    const request = await worker.receive();
    await worker.send([request[0], "a"]);
    expect(text(await client.receive())).toEqual(["a"]);
    expect(text(await q.monitor.receive())).toEqual(["request", "bob", "q"]);
    expect(text(await q.monitor.receive())).toEqual(["reply", "bob", "a"]);
    q.ins.close();
    await running;
  });

  it("ROUTER/ROUTER: swaps the identity frames so messages reach the addressed peer", async () => {
    const q = await queueWith(new zmq.Router(), new zmq.Router());
    const running = monitoredQueue(q.ins, q.outs, q.mons);
    const client = sockets.add(new zmq.Dealer({ routingId: "client" }));
    const workerA = sockets.add(new zmq.Dealer({ routingId: "worker-a" }));
    const workerB = sockets.add(new zmq.Dealer({ routingId: "worker-b" }));
    client.connect(q.insAddress);
    workerA.connect(q.outsAddress);
    workerB.connect(q.outsAddress);
    await delay(20); // a ROUTER drops messages for peers it has not met yet

    await client.send(["worker-b", "job"]);
    expect(text(await workerB.receive())).toEqual(["client", "job"]);
    expect(text(await q.monitor.receive())).toEqual(["in", "worker-b", "client", "job"]);

    await workerB.send(["client", "done"]);
    expect(text(await client.receive())).toEqual(["worker-b", "done"]);
    expect(text(await q.monitor.receive())).toEqual(["out", "client", "worker-b", "done"]);

    workerA.receiveTimeout = 100;
    await expect(workerA.receive()).rejects.toMatchObject({ code: "EAGAIN" });
    q.outs.close();
    await running;
  });

  it("announces itself to the workbench hook with all three sockets", async () => {
    const announced: unknown[] = [];
    (globalThis as { __zmqWorkbenchDevice?: unknown }).__zmqWorkbenchDevice = (d: unknown) => announced.push(d);
    try {
      const q = await queueWith(new zmq.Router(), new zmq.Dealer());
      const running = monitoredQueue(q.ins, q.outs, q.mons);
      expect(announced).toEqual([{ kind: "monitored-queue", sockets: [q.ins, q.outs, q.mons], label: "monitored queue" }]);
      q.ins.close();
      await running;
    } finally {
      delete (globalThis as { __zmqWorkbenchDevice?: unknown }).__zmqWorkbenchDevice;
    }
  });

  it("refuses a monitor socket that cannot send", async () => {
    const q = await queueWith(new zmq.Router(), new zmq.Dealer());
    const pull = sockets.add(new zmq.Pull());
    await expect(monitoredQueue(q.ins, q.outs, pull)).rejects.toThrow(/monitor socket must be able to send/);
  });
});
