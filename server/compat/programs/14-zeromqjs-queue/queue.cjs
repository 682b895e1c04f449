// zeromq.js's queue example shape: messages wait in an array and a single loop sends them one after another,
// so callers never run into a busy socket.
class Queue {
  constructor(socket, max = 100) {
    this.socket = socket;
    this.max = max;
    this.queue = [];
    this.sending = false;
  }

  send(msg) {
    if (this.queue.length >= this.max) throw new Error("Queue is full");
    this.queue.push(msg);
    return this.trySend();
  }

  async trySend() {
    if (this.sending) return;
    this.sending = true;
    while (this.queue.length) await this.socket.send(this.queue.shift());
    this.sending = false;
  }
}

module.exports = { Queue };
