import type * as zmq from "zeromq";

/** Idle workers, least recently used first. `take()` waits until one is free. */
class IdleWorkers {
  private readonly idle: Buffer[] = [];
  private readonly waiting: ((worker: Buffer) => void)[] = [];

  release(worker: Buffer): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(worker);
    else this.idle.push(worker);
  }

  take(): Promise<Buffer> {
    const worker = this.idle.shift();
    return worker ? Promise.resolve(worker) : new Promise((resolve) => this.waiting.push(resolve));
  }
}

export async function runBroker(frontend: zmq.Router, backend: zmq.Router): Promise<void> {
  const idle = new IdleWorkers();

  // Backend: a worker is free again after READY or after a reply, which goes back to its client.
  async function fromWorkers() {
    for await (const [worker, , ...rest] of backend) {
      idle.release(worker);
      if (rest[0].toString() !== "READY") await frontend.send(rest); // [client, "", reply]
    }
  }

  // Frontend: only take a request once a worker is free to do it.
  async function fromClients() {
    for (;;) {
      const worker = await idle.take();
      if (frontend.closed) return;
      const [client, , request] = await frontend.receive().catch((err: { code?: string }) => {
        if (frontend.closed) return []; // main closed the broker while it waited
        throw err;
      });
      if (!client) return;
      await backend.send([worker, "", client, "", request]);
    }
  }

  await Promise.all([fromWorkers(), fromClients()]);
}
