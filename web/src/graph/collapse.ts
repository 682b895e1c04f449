import type { GraphState } from "./types.js";

/** A closed socket that a newer one of the same kind and name has replaced fades, then leaves the picture after this long. */
export const COLLAPSE_AFTER_MS = 4000;

/** When the view first saw each socket open and closed (page clock, ms); kept by the caller across calls. */
export interface SeenTimes { opened: Map<string, number>; closed: Map<string, number> }

export function seenTimes(): SeenTimes {
  return { opened: new Map(), closed: new Map() };
}

/**
 * Closed sockets to leave out: those replaced by a socket made at the same place and opened after they closed (an
 * actor killed and restarted), once they have been closed for a while, so restarts do not pile up ghosts. Replicas
 * made on one line and closed together at the end stay. `pending` says when the next one is due.
 */
export function collapsedSockets(graph: GraphState, seen: SeenTimes, now: number): { sockets: Set<string>; pending?: number } {
  const present = new Set(graph.nodes.map((n) => n.id));
  for (const times of [seen.opened, seen.closed]) for (const id of times.keys()) if (!present.has(id)) times.delete(id);
  const latestOpen = new Map<string, number>();
  for (const n of graph.nodes) {
    if (!seen.opened.has(n.id)) seen.opened.set(n.id, now);
    if (n.closed && !seen.closed.has(n.id)) seen.closed.set(n.id, now);
    const same = sameKey(n);
    latestOpen.set(same, Math.max(latestOpen.get(same) ?? 0, seen.opened.get(n.id) as number));
  }
  const sockets = new Set<string>();
  let pending: number | undefined;
  for (const n of graph.nodes) {
    const closedAt = seen.closed.get(n.id);
    if (closedAt === undefined || (latestOpen.get(sameKey(n)) ?? 0) <= closedAt) continue;
    const left = closedAt + COLLAPSE_AFTER_MS - now;
    if (left <= 0) sockets.add(n.id);
    else pending = Math.min(pending ?? left, left);
  }
  return { sockets, ...(pending === undefined ? {} : { pending: pending + 20 }) };
}

function sameKey(n: GraphState["nodes"][number]): string {
  return `${n.kind}\n${n.name ?? n.label}`;
}
