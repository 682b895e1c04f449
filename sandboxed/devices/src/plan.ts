import type * as zmq from "zeromq";
import { runDevice, type DeviceKind } from "./device.js";
import { monitoredQueue } from "./monitored-queue.js";
import { createSocket, type SocketTypeName } from "./socket-types.js";

/** One socket of a background device, as recorded by bindIn/connectIn/setSockOptIn and friends. */
export interface SocketPlan {
  type: SocketTypeName;
  options: Array<[name: string, value: unknown]>;
  binds: string[];
  connects: string[];
}

/** Everything a background host needs to build and run a device; plain data so it crosses threads and processes. */
export interface DevicePlan {
  kind: DeviceKind | "monitored-queue";
  /** What the workbench graph calls the device, e.g. "queue (thread)". */
  label: string;
  in: SocketPlan;
  out: SocketPlan;
  mon?: SocketPlan;
  inPrefix?: string | Uint8Array;
  outPrefix?: string | Uint8Array;
}

/** The endpoints each side actually bound, so `tcp://127.0.0.1:*` binds can be connected to. */
export interface Endpoints {
  in: string[];
  out: string[];
  mon: string[];
}

export interface OpenedSockets {
  in: zmq.Socket;
  out: zmq.Socket;
  mon?: zmq.Socket;
}

export const emptySocketPlan = (type: SocketTypeName): SocketPlan => ({ type, options: [], binds: [], connects: [] });

/** In pyzmq's order: options first (routingId must precede connect), then binds, then connects. */
async function openSocket(plan: SocketPlan, opened: zmq.Socket[]): Promise<string[]> {
  const socket = createSocket(plan.type);
  opened.push(socket);
  for (const [name, value] of plan.options) {
    if (name === "subscribe" || name === "unsubscribe") (socket as zmq.Subscriber)[name](value as string | Buffer);
    else (socket as unknown as Record<string, unknown>)[name] = value;
  }
  const endpoints: string[] = [];
  for (const address of plan.binds) {
    await socket.bind(address);
    endpoints.push(socket.lastEndpoint ?? address);
  }
  for (const address of plan.connects) socket.connect(address);
  return endpoints;
}

/** Builds the sockets; if any step fails, closes the ones already made before rethrowing. */
export async function openPlan(plan: DevicePlan): Promise<{ sockets: OpenedSockets; endpoints: Endpoints }> {
  const opened: zmq.Socket[] = [];
  try {
    const endpoints: Endpoints = { in: await openSocket(plan.in, opened), out: await openSocket(plan.out, opened), mon: [] };
    if (plan.mon) endpoints.mon = await openSocket(plan.mon, opened);
    return { sockets: { in: opened[0], out: opened[1], mon: opened[2] }, endpoints };
  } catch (err) {
    for (const socket of opened) socket.close();
    throw err;
  }
}

export async function runPlan(plan: DevicePlan, sockets: OpenedSockets): Promise<void> {
  if (plan.kind !== "monitored-queue") return runDevice(plan.kind, sockets.in, sockets.out, plan.label);
  if (!sockets.mon) throw new Error("a monitored queue needs a monitor socket");
  const prefix = (p: string | Uint8Array | undefined) => (p === undefined ? undefined : typeof p === "string" ? p : Buffer.from(p));
  return monitoredQueue(sockets.in, sockets.out, sockets.mon, { inPrefix: prefix(plan.inPrefix), outPrefix: prefix(plan.outPrefix), label: plan.label });
}

/** Stopping must not wait on queued messages (default linger is forever); an explicit linger option wins. */
export function closeForStop(plan: DevicePlan, sockets: OpenedSockets): void {
  const sides: Array<[SocketPlan | undefined, zmq.Socket | undefined]> = [
    [plan.in, sockets.in],
    [plan.out, sockets.out],
    [plan.mon, sockets.mon],
  ];
  for (const [side, socket] of sides) {
    if (!side || !socket || socket.closed) continue;
    if (!side.options.some(([name]) => name === "linger")) socket.linger = 0;
    socket.close();
  }
}
