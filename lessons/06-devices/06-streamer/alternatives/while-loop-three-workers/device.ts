import type * as zmq from "zeromq";

export async function streamer(frontend: zmq.Pull, backend: zmq.Push): Promise<void> {
  while (!frontend.closed && !backend.closed) {
    const message = await frontend.receive().catch((err: { code?: string }) => {
      if (frontend.closed) return undefined;
      throw err;
    });
    if (!message || backend.closed) return;
    await backend.send(message);
  }
}
