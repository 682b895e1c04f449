import type { SocketNode } from "./model/types.js";

/** A drawn node: a socket, or a ghost standing for an endpoint nothing is bound to yet. */
export interface ViewNode {
  id: string;
  socket: SocketNode | null;
  endpoint: string | null;
  /** One of a block of replicas: drawn smaller, with its name alone (the rest is in its title and the inspector). */
  compact?: boolean;
  /** A replica drawn as its shape alone, where the pane is too small for its name to be read (it is in its title). */
  bare?: boolean;
  /** The shape's size when its kind needs more room than the usual radius (see radiusToFit). */
  radius?: number;
}

/** Where a node's shape is centred, in graph units; set from the layout, or by the user's drag (a pin). */
export interface Placed {
  x: number;
  y: number;
}

export const NODE_RADIUS = 26;
export const GHOST_RADIUS = 10;
export const COMPACT_RADIUS = 15;

export function radiusOf(node: ViewNode): number {
  return node.radius ?? (node.socket ? (node.compact ? COMPACT_RADIUS : NODE_RADIUS) : GHOST_RADIUS);
}

/** The name people recognise: the variable the socket was assigned to, when the trace knows it. */
export function nameOf(socket: SocketNode): string | undefined {
  return socket.name || undefined;
}
