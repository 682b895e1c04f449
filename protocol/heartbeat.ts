import { Type, type Static } from "@sinclair/typebox";

/**
 * The browser's heartbeat on its WebSockets: a `ping` every HEARTBEAT_INTERVAL_MS while the socket is open, which
 * the server answers with a `pong` of the same `seq`. A server that went away without closing the socket (a cut
 * network, a frozen proxy or machine) is noticed within HEARTBEAT_TIMEOUT_MS plus one interval, not at the next Run.
 */
export const HEARTBEAT_INTERVAL_MS = 2000; // between two pings of one browser socket
export const HEARTBEAT_TIMEOUT_MS = 5000; // a ping unanswered this long: the connection counts as lost

const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const Ping = Type.Object({ type: Type.Literal("ping"), payload: Type.Object({ seq: Seq }), meta: Type.Object({}) });
export type Ping = Static<typeof Ping>;

export const Pong = Type.Object({ type: Type.Literal("pong"), payload: Type.Object({ seq: Seq }), meta: Type.Object({}) });
export type Pong = Static<typeof Pong>;

export function pongFor(ping: Ping): Pong {
  return { type: "pong", payload: { seq: ping.payload.seq }, meta: {} };
}
