// A small Majordomo broker: workers register a service with READY; client requests name a service and go to an
// idle worker of it, replies go back to the client.
const zmq = require("zeromq");

class Broker {
  constructor(address) {
    this.address = address;
    this.socket = new zmq.Router({ sendHighWaterMark: 1 });
    this.idle = new Map();
    this.waiting = new Map();
    this.readies = 0;
    this.onReady = () => {};
  }

  /** Resolves once workers have said READY `count` times in all (each says it again after every reply). */
  readyCount(count) {
    return new Promise((resolve) => {
      this.onReady = () => this.readies >= count && resolve();
      this.onReady();
    });
  }

  async start() {
    await this.socket.bind(this.address);
    try {
      for await (const [sender, , header, ...rest] of this.socket) {
        if (String(header) === "MDPC01") await this.fromClient(sender, rest);
        else await this.fromWorker(sender, rest);
      }
    } catch (err) {
      if (!this.socket.closed) throw err;
    }
  }

  async fromClient(client, [service, ...body]) {
    const name = String(service);
    const queue = this.waiting.get(name) ?? [];
    queue.push([client, body]);
    this.waiting.set(name, queue);
    await this.dispatch(name);
  }

  async fromWorker(worker, [type, ...rest]) {
    if (String(type) === "READY") {
      const name = String(rest[0]);
      this.idle.set(name, [...(this.idle.get(name) ?? []), worker]);
      this.readies++;
      this.onReady();
      await this.dispatch(name);
    } else if (String(type) === "REPLY") {
      const [client, , ...body] = rest;
      await this.socket.send([client, "", "MDPC01", ...body]);
    }
  }

  async dispatch(name) {
    const idle = this.idle.get(name) ?? [];
    const queue = this.waiting.get(name) ?? [];
    while (idle.length && queue.length) {
      const worker = idle.shift();
      const [client, body] = queue.shift();
      await this.socket.send([worker, "", "MDPW01", "REQUEST", client, "", ...body]);
    }
  }

  stop() {
    this.socket.close();
  }
}

module.exports = { Broker };
