import type { SocketKind } from "../../../../protocol/trace.js";
import { placeOf } from "../model/places.js";
import type { GraphEdge, GraphState, SocketNode } from "../model/types.js";

/** An edge turned the way messages first travel: `from` is upstream (drawn left), `to` downstream. */
export interface FlowEdge {
  id: string;
  from: string;
  to: string;
}

/** Kinds that receive what their peer sends first: when one of them connects, the flow runs against the arrow. */
const RECEIVING_FIRST: ReadonlySet<SocketKind> = new Set(["REP", "SUB", "XSUB", "PULL", "DISH", "GATHER"]);
/** Kinds whose direction only the topology tells: a ROUTER is a server to clients and a dispatcher to workers. */
const AMBIGUOUS: ReadonlySet<SocketKind> = new Set(["ROUTER", "DEALER", "XPUB", "XSUB"]);

/**
 * A broker: sockets that relay between two sides. A device's sockets, or two or more ROUTER, DEALER, XPUB or XSUB
 * sockets bound in one thread or process. Members are in opening order: by convention the
 * first faces the clients (the frontend), the others the workers.
 */
export function brokersOf(graph: GraphState, shown: ReadonlySet<string>): string[][] {
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const brokers: string[][] = [];
  const inDevice = new Set<string>();
  for (const d of graph.devices) {
    const members = d.sockets.filter((s) => shown.has(s)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (members.length >= 2) {
      brokers.push(members);
      members.forEach((m) => inDevice.add(m));
    }
  }
  const byPlace = new Map<string, SocketNode[]>();
  for (const n of graph.nodes) {
    if (!shown.has(n.id) || inDevice.has(n.id) || n.binds.length === 0) continue;
    const key = placeOf(n).key;
    byPlace.set(key, [...(byPlace.get(key) ?? []), n]);
  }
  // Only the ROUTERs, DEALERs, XPUBs and XSUBs: a PUB or a PULL bound in the same thread is a part of its own.
  for (const members of byPlace.values()) {
    const relaying = members.filter((m) => AMBIGUOUS.has(m.kind));
    if (relaying.length >= 2) brokers.push(relaying.map((m) => m.id));
  }
  return brokers;
}

/** Orients every shown edge: peers of a broker's first socket come before it, peers of its others after. */
export function flowEdges(graph: GraphState, edges: GraphEdge[], brokers: string[][]): FlowEdge[] {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const brokerRole = new Map<string, "front" | "back">();
  for (const b of brokers) b.forEach((s, i) => brokerRole.set(s, i === 0 ? "front" : "back"));
  return edges.map((e) => {
    const target = e.target ?? `?${e.endpoint}`;
    const sourceRole = brokerRole.get(e.source),
      targetRole = e.target ? brokerRole.get(e.target) : undefined;
    let forward = !RECEIVING_FIRST.has(kinds.get(e.source) as SocketKind);
    if (targetRole && !sourceRole && AMBIGUOUS.has(kinds.get(target) as SocketKind)) forward = targetRole === "front";
    else if (sourceRole && !targetRole && AMBIGUOUS.has(kinds.get(e.source) as SocketKind)) forward = sourceRole === "back";
    return forward ? { id: e.id, from: e.source, to: target } : { id: e.id, from: target, to: e.source };
  });
}

/**
 * Layers from left to right: the longest path from a source, with a broker's sockets sharing one layer so that
 * its clients sit left of it and its workers right. Cycles are cut by capping ranks at the node count.
 */
export function ranksOf(ids: string[], flow: FlowEdge[], brokers: string[][]): Map<string, number> {
  const rank = new Map(ids.map((id) => [id, 0]));
  const cap = ids.length;
  for (let round = 0; round <= cap; round++) {
    let changed = false;
    const raise = (id: string, to: number) => {
      const next = Math.min(cap, to);
      if ((rank.get(id) ?? 0) < next) {
        rank.set(id, next);
        changed = true;
      }
    };
    for (const e of flow) if (rank.has(e.from) && rank.has(e.to)) raise(e.to, (rank.get(e.from) ?? 0) + 1);
    for (const b of brokers) {
      const top = Math.max(...b.map((s) => rank.get(s) ?? 0));
      for (const s of b) raise(s, top);
    }
    if (!changed) break;
  }
  return rank;
}
