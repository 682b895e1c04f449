import type * as zmq from "zeromq";
import { announceDevice } from "./announce.js";
import { DeviceSockets, relay, runRelays, sendBlocking, type Message } from "./relay.js";
import { canReceive, canSend, isRouter } from "./socket-types.js";

export type Prefix = string | Buffer;

export interface MonitoredQueueOptions {
  /** First frame of the monitor copy of messages received on `ins`. Default "in". */
  inPrefix?: Prefix;
  /** First frame of the monitor copy of messages received on `outs`. Default "out". */
  outPrefix?: Prefix;
}

/** Both relays copy to the one monitor socket, and zeromq.js allows one send at a time per socket. */
function serialSender(socket: zmq.Socket, sockets: DeviceSockets): (message: Message) => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  return (message) => {
    const sent = tail.then(() => sendBlocking(socket, message, sockets));
    tail = sent.catch(() => undefined);
    return sent;
  };
}

/**
 * A queue that also sends every message, in either direction, on `mons` as [prefix, ...frames].
 * With ROUTER on both sides the first two frames (the identities) are swapped, so a message sent as
 * [peer, body] by a client reaches `peer` behind `outs`, and replies find their way back.
 * Resolves once any of the three sockets is closed, after closing the others.
 */
export async function monitoredQueue(
  ins: zmq.Socket,
  outs: zmq.Socket,
  mons: zmq.Socket,
  options: MonitoredQueueOptions & { label?: string } = {},
): Promise<void> {
  const inPrefix = Buffer.from(options.inPrefix ?? "in");
  const outPrefix = Buffer.from(options.outPrefix ?? "out");
  const sockets = new DeviceSockets([ins, outs, mons]);
  if (sockets.anyClosed()) return sockets.closeAll();
  for (const [role, socket] of [
    ["ins", ins],
    ["outs", outs],
  ] as const) {
    if (!canReceive(socket) || !canSend(socket)) throw new TypeError(`a monitored queue's ${role} must send and receive`);
  }
  if (!canSend(mons)) throw new TypeError("a monitored queue's monitor socket must be able to send (PUB is usual)");
  announceDevice({ kind: "monitored-queue", sockets: [ins, outs, mons], label: options.label ?? "monitored queue" });
  const toMonitor = serialSender(mons, sockets);
  const swapIdentities = isRouter(ins) && isRouter(outs);
  await runRelays(sockets, [
    relay(ins, outs, sockets, { swapIdentities, tap: (m) => toMonitor([inPrefix, ...m]) }),
    relay(outs, ins, sockets, { swapIdentities, tap: (m) => toMonitor([outPrefix, ...m]) }),
  ]);
}
