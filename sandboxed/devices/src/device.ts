import type * as zmq from "zeromq";
import { announceDevice } from "./announce.js";
import { DeviceSockets, relay, runRelays } from "./relay.js";
import { canReceive, canSend } from "./socket-types.js";

export type DeviceKind = "queue" | "forwarder" | "streamer";
export const DEVICE_KINDS: readonly DeviceKind[] = ["queue", "forwarder", "streamer"];

export function assertDeviceKind(kind: unknown): asserts kind is DeviceKind {
  if (!DEVICE_KINDS.includes(kind as DeviceKind)) {
    throw new TypeError(`unknown device kind ${JSON.stringify(kind)}; expected "queue", "forwarder" or "streamer"`);
  }
}

/**
 * Runs a device in this thread: relays frontend → backend, and backend → frontend where both sockets allow it
 * (ROUTER/DEALER replies, XPUB → XSUB subscriptions), like libzmq's zmq_proxy and pyzmq's zmq.device.
 * Resolves once either socket is closed, after closing the other one too.
 */
export function device(kind: DeviceKind, frontend: zmq.Socket, backend: zmq.Socket): Promise<void> {
  return runDevice(kind, frontend, backend, kind);
}

/** device() with the label the workbench shows (background devices say where they run). */
export async function runDevice(kind: DeviceKind, frontend: zmq.Socket, backend: zmq.Socket, label: string): Promise<void> {
  assertDeviceKind(kind);
  const sockets = new DeviceSockets([frontend, backend]);
  if (sockets.anyClosed()) return sockets.closeAll();
  if (!canReceive(frontend)) throw new TypeError(`a ${kind}'s frontend must be able to receive`);
  if (!canSend(backend)) throw new TypeError(`a ${kind}'s backend must be able to send`);
  announceDevice({ kind, sockets: [frontend, backend], label });
  const relays = [relay(frontend, backend, sockets)];
  if (canReceive(backend) && canSend(frontend)) relays.push(relay(backend, frontend, sockets));
  await runRelays(sockets, relays);
}
