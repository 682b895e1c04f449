import type * as zmq from "zeromq";

export async function runBroker(frontend: zmq.Router, backend: zmq.Router): Promise<void> {
  const idle: Buffer[] = [];
  const pending: [Buffer, Buffer][] = [];
  const dispatch = async () => {
    while (idle.length > 0 && pending.length > 0) {
      const [client, request] = pending.shift()!;
      await backend.send([idle.shift()!, "", client, "", request]);
    }
  };
  const workers = (async () => {
    for await (const [worker, , ...rest] of backend) {
      idle.push(worker);
      if (rest[0].toString() !== "READY") await frontend.send(rest);
      await dispatch();
    }
  })();
  const clients = (async () => {
    for await (const [client, , request] of frontend) {
      pending.push([client, request]);
      await dispatch();
    }
  })();
  await Promise.all([workers, clients]);
}
