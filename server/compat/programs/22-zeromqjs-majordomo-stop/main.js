// zeromq.js's majordomo example shape at its end: requests issued in parallel (one for a service nobody offers,
// which times out), request sockets never closed, workers that say DISCONNECT and close, then the broker closes.
const zmq = require("zeromq");
const ADDRESS = "tcp://127.0.0.1:27230";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Broker {
  constructor(workers) {
    this.socket = new zmq.Router({ sendHighWaterMark: 1, sendTimeout: 1 });
    this.idle = new Map();
    this.queue = new Map();
    this.allGone = new Promise((resolve) => (this.workerGone = () => --workers === 0 && resolve()));
  }
  async start() {
    await this.socket.bind(ADDRESS);
    (async () => {
      for await (const [sender, , header, ...rest] of this.socket) {
        if (String(header) === "MDPC01") this.client(sender, ...rest);
        else this.worker(sender, ...rest);
      }
    })();
  }
  client(client, service, ...req) {
    const q = this.queue.get(String(service)) ?? [];
    q.push([client, req]);
    this.queue.set(String(service), q);
    this.dispatch(String(service));
  }
  worker(worker, type, ...rest) {
    if (String(type) === "READY") {
      const s = String(rest[0]);
      this.idle.set(s, [...(this.idle.get(s) ?? []), worker]);
      this.dispatch(s);
    } else if (String(type) === "DISCONNECT") this.workerGone();
    else if (String(type) === "REPLY") {
      const [client, , ...rep] = rest;
      this.socket.send([client, null, "MDPC01", ...rep]).catch(() => {});
    }
  }
  dispatch(s) {
    const idle = this.idle.get(s) ?? [],
      q = this.queue.get(s) ?? [];
    while (idle.length && q.length) {
      const w = idle.shift();
      const [c, req] = q.shift();
      this.socket.send([w, null, "MDPW01", "REQUEST", c, null, ...req]).catch(() => {});
    }
  }
  stop() {
    if (!this.socket.closed) this.socket.close();
  }
}
class Worker {
  constructor(service, ms) {
    this.service = service;
    this.ms = ms;
    this.socket = new zmq.Dealer();
    this.socket.connect(ADDRESS);
  }
  async start() {
    await this.socket.send([null, "MDPW01", "READY", this.service]);
    (async () => {
      for await (const [, , , client, , ...req] of this.socket) {
        await sleep(this.ms);
        await this.socket.send([null, "MDPW01", "REPLY", client, null, ...req]);
        await this.socket.send([null, "MDPW01", "READY", this.service]);
      }
    })();
  }
  async stop() {
    if (!this.socket.closed) {
      await this.socket.send([null, "MDPW01", "DISCONNECT", this.service]);
      this.socket.close();
    }
  }
}
async function request(service, ...req) {
  const socket = new zmq.Request({ receiveTimeout: 2000 });
  socket.connect(ADDRESS);
  await socket.send(["MDPC01", service, ...req]);
  try {
    const [, ...res] = await socket.receive();
    return `received '${res.join(", ")}' from '${service}'`;
  } catch {
    return `timeout expired waiting for '${service}'`;
  }
}
async function main() {
  const workers = [new Worker("tea", 30), new Worker("coffee", 10), new Worker("tea", 20)];
  const broker = new Broker(workers.length);
  for (const w of workers) w.start();
  await broker.start();
  const lines = await Promise.all([
    request("soda", "cola"),
    request("tea", "oolong"),
    request("tea", "sencha"),
    request("coffee", "latte"),
    request("coffee", "espresso"),
  ]);
  console.log(lines.join("\n"));
  for (const w of workers) w.stop();
  await broker.allGone;
  broker.stop();
}
main();
