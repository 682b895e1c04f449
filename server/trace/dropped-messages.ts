import type { SocketTotals } from "../../protocol/trace.js";
import { PUBLISHING } from "./socket-pairs.js";
import type { LinkModel } from "./link-model.js";

/** libzmq's default high-water mark, in messages, on each side of a connection. */
export const DEFAULT_HWM = 1_000;

export interface HwmInputs {
  /** SUB sockets subscribed to every topic: for them, every message published after they connected is owed. */
  subscribedAll: Set<string>;
  hwm: Map<string, { send?: number; receive?: number }>;
  /** `${pub}>${sub}` → how many messages the publisher had sent when the link formed. */
  seqAtLink: Map<string, number>;
  lastSeq: Map<string, number>;
}

/**
 * PUB never waits: a subscriber whose queues are full silently loses what follows. At the end of a run, a
 * subscriber to everything that received fewer messages than were published to it, by more than its queues
 * (sender's and receiver's high-water marks) could still hold, certainly lost messages. Returns
 * [subscriber, publishers, at least how many were lost] for each.
 */
export function hwmDrops(topology: LinkModel, inputs: HwmInputs, totals: Record<string, SocketTotals>): [string, string[], number][] {
  const found: [string, string[], number][] = [];
  for (const sub of inputs.subscribedAll) {
    const pubs = topology.peersOf(sub).filter((p) => PUBLISHING.has(topology.kindOf(p)!));
    if (pubs.length === 0) continue;
    let owed = 0;
    let capacity = hwmOf(inputs, sub, "receive");
    for (const pub of pubs) {
      owed += Math.max(0, (totals[pub]?.sent ?? 0) - (inputs.seqAtLink.get(`${pub}>${sub}`) ?? 0));
      capacity += hwmOf(inputs, pub, "send");
    }
    const received = totals[sub]?.received ?? 0;
    if (owed - received <= capacity) continue;
    found.push([sub, pubs, owed - received - capacity]);
  }
  return found;
}

function hwmOf(inputs: HwmInputs, socket: string, side: "send" | "receive"): number {
  const value = inputs.hwm.get(socket)?.[side];
  if (value === 0) return Infinity; // 0 means no limit: nothing is dropped for a full queue
  return value === undefined || value < 0 ? DEFAULT_HWM : value;
}
