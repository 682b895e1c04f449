import type { SocketKind } from "../../protocol/trace.js";

/** Which kinds may talk to which (ZeroMQ RFC 28 and the draft kinds); libzmq rejects the others at handshake. */
const PEERS: Partial<Record<SocketKind, SocketKind[]>> = {
  PAIR: ["PAIR"],
  PUB: ["SUB", "XSUB"],
  SUB: ["PUB", "XPUB"],
  XPUB: ["SUB", "XSUB"],
  XSUB: ["PUB", "XPUB"],
  REQ: ["REP", "ROUTER"],
  REP: ["REQ", "DEALER"],
  DEALER: ["REP", "DEALER", "ROUTER"],
  ROUTER: ["REQ", "DEALER", "ROUTER"],
  PUSH: ["PULL"],
  PULL: ["PUSH"],
  SERVER: ["CLIENT"],
  CLIENT: ["SERVER"],
  RADIO: ["DISH"],
  DISH: ["RADIO"],
  SCATTER: ["GATHER"],
  GATHER: ["SCATTER"],
};

/** Undefined when the pair works (or cannot be judged, e.g. STREAM, which talks raw TCP). */
export function incompatibility(a: SocketKind, b: SocketKind): string | undefined {
  const peers = PEERS[a];
  if (!peers || !PEERS[b] || peers.includes(b)) return undefined;
  return `${a} works with ${peers.join(" or ")}`;
}

/** Kinds that drop a message when no peer can take it, instead of waiting. */
export const PUBLISHING = new Set<SocketKind>(["PUB", "XPUB", "RADIO"]);
export const SUBSCRIBING = new Set<SocketKind>(["SUB", "XSUB", "DISH"]);
