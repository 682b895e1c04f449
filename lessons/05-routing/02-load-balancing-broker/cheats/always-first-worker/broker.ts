import type * as zmq from "zeromq";

export async function runBroker(frontend: zmq.Router, backend: zmq.Router): Promise<void> {
  let first: Buffer | undefined;
  let free: (() => void) | undefined;
  const workers = (async () => {
    for await (const [worker, , ...rest] of backend) {
      first ??= worker;
      if (rest[0].toString() !== "READY") await frontend.send(rest);
      if (worker.equals(first)) free?.();
    }
  })();
  for await (const [client, , request] of frontend) {
    while (!first) await new Promise((resolve) => setTimeout(resolve, 5));
    const replied = new Promise<void>((resolve) => (free = resolve));
    await backend.send([first, "", client, "", request]);
    await replied;
  }
  await workers;
}
