import type * as zmq from "zeromq";

/** The QUEUE device as two explicit loops that end when either socket is closed. */
export async function queue(frontend: zmq.Router, backend: zmq.Dealer): Promise<void> {
  const pump = async (from: zmq.Router | zmq.Dealer, to: zmq.Router | zmq.Dealer) => {
    while (!from.closed && !to.closed) {
      const message = await from.receive().catch((err: { code?: string }) => {
        if (from.closed) return undefined;
        throw err;
      });
      if (!message || to.closed) return;
      await to.send(message);
    }
  };
  await Promise.all([pump(frontend, backend), pump(backend, frontend)]);
}
