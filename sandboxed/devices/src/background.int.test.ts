import { afterEach, describe, expect, it } from "vitest";
import * as zmq from "zeromq";
import { ProcessDevice, ProcessMonitoredQueue, ThreadDevice, ThreadMonitoredQueue } from "./classes.js";
import { Sockets, delay, inprocAddress, processIsAlive, publishUntilHeard, text } from "./test-support.js";
import type { BackgroundDevice } from "./background.js";

const sockets = new Sockets();
const devices: BackgroundDevice[] = [];
afterEach(async () => {
  sockets.closeAll();
  await Promise.all(devices.splice(0).map((d) => d.stop()));
});
const track = <D extends BackgroundDevice>(device: D): D => (devices.push(device), device);

describe("ThreadDevice", () => {
  it("runs a queue in a worker; inproc works across threads; stop() ends the worker", async () => {
    const [frontAddress, backAddress] = [inprocAddress("t-front"), inprocAddress("t-back")];
    const dev = track(new ThreadDevice("queue", zmq.Router, zmq.Dealer).bindIn(frontAddress).bindOut(backAddress));
    expect(await dev.start()).toEqual({ in: [frontAddress], out: [backAddress], mon: [] });
    const client = sockets.add(new zmq.Dealer({ routingId: "c1" }));
    const worker = sockets.add(new zmq.Dealer());
    client.connect(frontAddress);
    worker.connect(backAddress);

    await client.send("hello");
    const request = await worker.receive();
    expect(text(request)).toEqual(["c1", "hello"]);
    await worker.send([request[0], "hi back"]);
    expect(text(await client.receive())).toEqual(["hi back"]);

    await dev.stop();
    expect(dev.exitCode).toBe(0);
    await expect(dev.join()).resolves.toBeUndefined();
  });

  it("applies options before connecting (routingId) and subscribe for SUB", async () => {
    const pool = sockets.add(new zmq.Router());
    await pool.bind(inprocAddress("pool"));
    const queue = track(new ThreadDevice("queue", "router", "dealer").bindIn(inprocAddress("q-in")));
    queue.setSockOptOut("routingId", "device-out").connectOut(pool.lastEndpoint!);
    const [queueIn] = (await queue.start()).in;
    const client = sockets.add(new zmq.Dealer({ routingId: "c2" }));
    client.connect(queueIn);
    await client.send("work");
    expect(text(await pool.receive())).toEqual(["device-out", "c2", "work"]);

    const forwarder = track(new ThreadDevice("forwarder", "SUB", "PUB").bindIn(inprocAddress("f-in")).bindOut(inprocAddress("f-out")));
    forwarder.setSockOptIn("subscribe", "");
    const endpoints = await forwarder.start();
    const publisher = sockets.add(new zmq.Publisher());
    const subscriber = sockets.add(new zmq.Subscriber());
    publisher.connect(endpoints.in[0]);
    subscriber.connect(endpoints.out[0]);
    subscriber.subscribe();
    expect(await publishUntilHeard(publisher, subscriber, ["topic", "body"])).toEqual(["topic", "body"]);
  });

  it("ThreadMonitoredQueue copies traffic to its monitor with custom prefixes", async () => {
    const dev = track(new ThreadMonitoredQueue(zmq.Router, zmq.Dealer, zmq.Publisher, { inPrefix: "req", outPrefix: "rep" }));
    dev.bindIn("tcp://127.0.0.1:*").bindOut("tcp://127.0.0.1:*").bindMon("tcp://127.0.0.1:*");
    const endpoints = await dev.start();
    const monitor = sockets.add(new zmq.Subscriber());
    monitor.connect(endpoints.mon[0]);
    monitor.subscribe();
    const client = sockets.add(new zmq.Dealer({ routingId: "c3" }));
    const worker = sockets.add(new zmq.Dealer());
    client.connect(endpoints.in[0]);
    worker.connect(endpoints.out[0]);
    await delay(100); // tcp subscription travel time

    await client.send("q");
    const request = await worker.receive();
    await worker.send([request[0], "a"]);
    expect(text(await client.receive())).toEqual(["a"]);
    expect(text(await monitor.receive())).toEqual(["req", "c3", "q"]);
    expect(text(await monitor.receive())).toEqual(["rep", "c3", "a"]);
  });

  it("validates configuration, and reports a failed start after the worker is gone", async () => {
    const dev = track(new ThreadDevice("queue", "ROUTER", "DEALER"));
    expect(() => dev.setSockOptIn("lingr", 0)).toThrow(/no settable option "lingr"/);
    expect(() => dev.setSockOptIn("subscribe", "")).toThrow(/only for SUB/);
    expect(() => new ThreadDevice("queue", "ROUTR" as "ROUTER", "DEALER")).toThrow(/unknown socket type/);
    dev.bindIn("bogus://nowhere");
    await expect(dev.start()).rejects.toThrow(/could not start/);
    await dev.join();
    expect(dev.exitCode).toBe(0);
    expect(() => dev.bindOut("inproc://late")).toThrow(/before start/);

    const uncloneable = track(new ThreadDevice("queue", "ROUTER", "DEALER").setSockOptIn("routingId", () => "x"));
    await expect(uncloneable.start()).rejects.toThrow(/could not be cloned/);
    await uncloneable.join();
  });
});

describe("ProcessDevice", () => {
  it("runs a streamer in a child process; stop() leaves no process behind", async () => {
    const dev = track(new ProcessDevice("streamer", zmq.Pull, zmq.Push).bindIn("tcp://127.0.0.1:*").bindOut("tcp://127.0.0.1:*"));
    const endpoints = await dev.start();
    const pid = dev.hostId!;
    expect(pid).not.toBe(process.pid);
    expect(processIsAlive(pid)).toBe(true);
    const producer = sockets.add(new zmq.Push());
    const consumer = sockets.add(new zmq.Pull());
    producer.connect(endpoints.in[0]);
    consumer.connect(endpoints.out[0]);

    for (const n of ["1", "2"]) await producer.send(["job", n]);
    expect(text(await consumer.receive())).toEqual(["job", "1"]);
    expect(text(await consumer.receive())).toEqual(["job", "2"]);

    await dev.stop();
    expect(dev.exitCode).toBe(0);
    expect(processIsAlive(pid)).toBe(false);
  });

  it("ProcessMonitoredQueue routes ROUTER/ROUTER by identity and monitors both directions", async () => {
    const dev = track(new ProcessMonitoredQueue("ROUTER", "ROUTER"));
    dev.bindIn("tcp://127.0.0.1:*").bindOut("tcp://127.0.0.1:*").bindMon("tcp://127.0.0.1:*");
    const endpoints = await dev.start();
    const monitor = sockets.add(new zmq.Subscriber());
    monitor.connect(endpoints.mon[0]);
    monitor.subscribe("in", "out");
    const client = sockets.add(new zmq.Dealer({ routingId: "client" }));
    const worker = sockets.add(new zmq.Dealer({ routingId: "worker" }));
    client.connect(endpoints.in[0]);
    worker.connect(endpoints.out[0]);
    await delay(150); // ROUTER drops messages to peers not yet connected

    await client.send(["worker", "job"]);
    expect(text(await worker.receive())).toEqual(["client", "job"]);
    await worker.send(["client", "done"]);
    expect(text(await client.receive())).toEqual(["worker", "done"]);
    expect(text(await monitor.receive())).toEqual(["in", "worker", "client", "job"]);
    expect(text(await monitor.receive())).toEqual(["out", "client", "worker", "done"]);

    const pid = dev.hostId!;
    await dev.close();
    expect(processIsAlive(pid)).toBe(false);
  });
});
