import * as zmq from "zeromq";

/** libzmq's socket type numbers, as `socket.type` reports them. */
export const SOCKET_TYPES = {
  PAIR: 0,
  PUB: 1,
  SUB: 2,
  REQ: 3,
  REP: 4,
  DEALER: 5,
  ROUTER: 6,
  PULL: 7,
  PUSH: 8,
  XPUB: 9,
  XSUB: 10,
  STREAM: 11,
} as const;

export type SocketTypeName = keyof typeof SOCKET_TYPES;
export type SocketClass = abstract new (...args: never[]) => zmq.Socket;
/** A socket type as a background device takes it: `zmq.Router`, `"ROUTER"` or `"router"`. */
export type SocketType = SocketTypeName | Lowercase<SocketTypeName> | SocketClass;

const CLASS_NAMES: Record<string, SocketTypeName> = {
  Pair: "PAIR",
  Publisher: "PUB",
  Subscriber: "SUB",
  Request: "REQ",
  Reply: "REP",
  Dealer: "DEALER",
  Router: "ROUTER",
  Pull: "PULL",
  Push: "PUSH",
  XPublisher: "XPUB",
  XSubscriber: "XSUB",
  Stream: "STREAM",
};

const CONSTRUCTORS: Record<SocketTypeName, new () => zmq.Socket> = {
  PAIR: zmq.Pair,
  PUB: zmq.Publisher,
  SUB: zmq.Subscriber,
  REQ: zmq.Request,
  REP: zmq.Reply,
  DEALER: zmq.Dealer,
  ROUTER: zmq.Router,
  PULL: zmq.Pull,
  PUSH: zmq.Push,
  XPUB: zmq.XPublisher,
  XSUB: zmq.XSubscriber,
  STREAM: zmq.Stream,
};

const CANNOT_SEND = new Set<number>([SOCKET_TYPES.SUB, SOCKET_TYPES.PULL]);
const CANNOT_RECEIVE = new Set<number>([SOCKET_TYPES.PUB, SOCKET_TYPES.PUSH]);

/** The type name of a class or string; subclasses (such as the workbench's traced classes) resolve to their base. */
export function socketTypeName(type: SocketType): SocketTypeName {
  if (typeof type === "string") {
    const upper = type.toUpperCase();
    if (upper in SOCKET_TYPES) return upper as SocketTypeName;
    throw new TypeError(`unknown socket type "${type}"; expected one of ${Object.keys(SOCKET_TYPES).join(", ")}`);
  }
  for (let c: unknown = type; typeof c === "function"; c = Object.getPrototypeOf(c)) {
    const name = CLASS_NAMES[(c as { name: string }).name];
    if (name) return name;
  }
  throw new TypeError(`${String((type as { name?: string }).name ?? type)} is not a zeromq socket class`);
}

export function createSocket(name: SocketTypeName): zmq.Socket {
  return new CONSTRUCTORS[name]();
}

/** Rejects option names the socket class has no setter for, before any socket exists (see DESIGN.md on bad options). */
export function assertSettable(name: SocketTypeName, option: string): void {
  if (option === "subscribe" || option === "unsubscribe") {
    if (name === "SUB") return;
    throw new TypeError(`${option} is only for SUB sockets (send subscription messages on XSUB)`);
  }
  for (let p: object | null = CONSTRUCTORS[name].prototype; p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, option);
    if (descriptor?.set) return;
    if (descriptor) break;
  }
  throw new TypeError(`${name} sockets have no settable option "${option}" (use zeromq.js names, e.g. "routingId", "linger")`);
}

export const canSend = (socket: zmq.Socket): boolean => !CANNOT_SEND.has(socket.type);
export const canReceive = (socket: zmq.Socket): boolean => !CANNOT_RECEIVE.has(socket.type);
export const isRouter = (socket: zmq.Socket): boolean => socket.type === SOCKET_TYPES.ROUTER;
