const zmq = require("zeromq");

/** A Majordomo worker: registers its service, then answers each request with `handle(body)`. */
class Worker {
  constructor(address, service, handle) {
    this.socket = new zmq.Dealer();
    this.socket.connect(address);
    this.service = service;
    this.handle = handle;
  }

  async start() {
    await this.socket.send(["", "MDPW01", "READY", this.service]);
    try {
      for await (const [, , type, client, , ...body] of this.socket) {
        if (String(type) !== "REQUEST") continue;
        await this.socket.send(["", "MDPW01", "REPLY", client, "", ...this.handle(body)]);
        await this.socket.send(["", "MDPW01", "READY", this.service]);
      }
    } catch (err) {
      if (!this.socket.closed) throw err;
    }
  }

  stop() {
    this.socket.close();
  }
}

module.exports = { Worker };
