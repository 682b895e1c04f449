import type * as zmq from "zeromq";

/** Fails a test instead of hanging it when an expected message never comes. */
export const RECEIVE_TIMEOUT_MS = 3_000;

let counter = 0;
export const inprocAddress = (name: string): string => `inproc://devices-test-${process.pid}-${name}-${++counter}`;

export const text = (frames: Buffer[]): string[] => frames.map((f) => f.toString());

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects sockets so each test closes everything it opened. */
export class Sockets {
  private readonly all: zmq.Socket[] = [];
  add<S extends zmq.Socket>(socket: S): S {
    if ("receiveTimeout" in socket) (socket as zmq.Socket & { receiveTimeout: number }).receiveTimeout = RECEIVE_TIMEOUT_MS;
    socket.linger = 0;
    this.all.push(socket);
    return socket;
  }
  closeAll(): void {
    for (const socket of this.all) if (!socket.closed) socket.close();
  }
}

/** PUB/SUB joins late: publish until the subscriber hears something (or time runs out). */
export async function publishUntilHeard(pub: { send(m: string[]): Promise<void> }, sub: zmq.Subscriber, message: string[]): Promise<string[]> {
  const deadline = Date.now() + RECEIVE_TIMEOUT_MS;
  sub.receiveTimeout = 50;
  for (;;) {
    await pub.send(message);
    try {
      return text(await sub.receive());
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
