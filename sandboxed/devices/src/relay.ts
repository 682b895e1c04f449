import type * as zmq from "zeromq";

export type Message = Buffer[];
type Receiving = zmq.Socket & { receive(): Promise<Message> };
type Sending = zmq.Socket & { send(message: Message): Promise<void> };

/** How often a device checks for sockets closed while no relay is reading them (e.g. the PUSH side of a streamer). */
const CLOSED_CHECK_MS = 50;
/** Back-off when a socket the learner gave a sendTimeout keeps timing out, so the loop cannot starve the event loop. */
const SEND_RETRY_MS = 1;

/** The sockets one device owns: it runs until any of them is closed, then closes the rest (as zmq.Proxy does). */
export class DeviceSockets {
  constructor(readonly all: readonly zmq.Socket[]) {}

  anyClosed(): boolean {
    return this.all.some((s) => s.closed);
  }

  closeAll(): void {
    for (const socket of this.all) if (!socket.closed) socket.close();
  }

  /** Closes the rest as soon as one is closed; a pending receive on a closed socket is what ends each relay. */
  watch(): () => void {
    const timer = setInterval(() => {
      if (this.anyClosed()) this.closeAll();
    }, CLOSED_CHECK_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/** A timeout the learner configured (EAGAIN on an open socket), as opposed to the socket being closed under us. */
function isTimeout(err: unknown, sockets: DeviceSockets): boolean {
  return (err as { code?: string }).code === "EAGAIN" && !sockets.anyClosed();
}

/** Slow path of a send that timed out: a device blocks on a full peer like zmq_proxy, whatever sendTimeout says. */
export async function sendBlocking(to: zmq.Socket, message: Message, sockets: DeviceSockets): Promise<void> {
  for (;;) {
    try {
      return await (to as Sending).send(message);
    } catch (err) {
      if (!isTimeout(err, sockets)) throw err;
      await new Promise((resolve) => setTimeout(resolve, SEND_RETRY_MS));
    }
  }
}

export interface RelayOptions {
  /** ROUTER to ROUTER: swap the two identity frames so the message goes to the addressed peer, not back. */
  swapIdentities?: boolean;
  /** Called with each message after it was forwarded (the monitored queue's copy to the monitor socket). */
  tap?: (message: Message) => Promise<void>;
}

/**
 * Moves every message from `from` to `to`, frames as received (no copies), until a device socket is closed.
 * Resolves when the device was closed; rejects on any other error.
 */
export async function relay(from: zmq.Socket, to: zmq.Socket, sockets: DeviceSockets, options: RelayOptions = {}): Promise<void> {
  const { swapIdentities = false, tap } = options;
  const source = from as Receiving;
  const target = to as Sending;
  // The hot loop awaits zeromq's own promises directly: an async helper per call costs a promise and a tick each.
  try {
    for (;;) {
      let message: Message;
      try {
        message = await source.receive();
      } catch (err) {
        if (isTimeout(err, sockets)) continue;
        throw err;
      }
      if (swapIdentities && message.length > 1) [message[0], message[1]] = [message[1], message[0]];
      try {
        await target.send(message);
      } catch (err) {
        if (!isTimeout(err, sockets)) throw err;
        await sendBlocking(to, message, sockets);
      }
      if (tap) await tap(message);
    }
  } catch (err) {
    if (sockets.anyClosed()) return;
    throw err;
  }
}

/** Waits for every relay; the first to end closes all sockets so the others end too. Rethrows the first failure. */
export async function runRelays(sockets: DeviceSockets, relays: Promise<void>[]): Promise<void> {
  const stopWatching = sockets.watch();
  const results = await Promise.allSettled(relays.map((r) => r.finally(() => sockets.closeAll())));
  stopWatching();
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
}
