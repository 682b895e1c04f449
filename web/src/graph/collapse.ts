import type { GraphState } from "./model/types.js";

/** A closed socket that a newer one made at the same place has replaced fades, then leaves the picture after this long. */
export const COLLAPSE_AFTER_MS = 4000;

/** When the view first saw each socket open and closed (page clock, ms); kept by the caller across calls. */
export interface SeenTimes {
  opened: Map<string, number>;
  closed: Map<string, number>;
}

export function seenTimes(): SeenTimes {
  return { opened: new Map(), closed: new Map() };
}

/**
 * Closed sockets to leave out: those replaced by a socket made at the same place, opened after they closed and still open (an
 * actor killed and restarted), once they have been closed for a while, so restarts do not pile up ghosts. Replicas
 * made on one line and closed together at the end stay. `pending` says when the next one is due.
 */
export function collapsedSockets(graph: GraphState, seen: SeenTimes, now: number): { sockets: Set<string>; pending?: number } {
  const present = new Set(graph.nodes.map((n) => n.id));
  for (const times of [seen.opened, seen.closed]) for (const id of times.keys()) if (!present.has(id)) times.delete(id);
  for (const n of graph.nodes) {
    if (!seen.opened.has(n.id)) seen.opened.set(n.id, now);
    if (n.closed && !seen.closed.has(n.id)) seen.closed.set(n.id, now);
  }
  // Per kind and name, the latest time a socket opened after (in opening order) each position.
  const latestAfter = new Array<number>(graph.nodes.length);
  const latest = new Map<string, number>();
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const key = sameKey(graph.nodes[i]);
    latestAfter[i] = latest.get(key) ?? -1;
    // Only an open socket replaces: once everything has closed (the run ended), nothing is folded away.
    if (!graph.nodes[i].closed) latest.set(key, Math.max(latest.get(key) ?? -1, seen.opened.get(graph.nodes[i].id) as number));
  }
  const sockets = new Set<string>();
  let pending: number | undefined;
  graph.nodes.forEach((n, i) => {
    const closedAt = seen.closed.get(n.id);
    // Seen in one update (a quick restart) counts as after; replicas opened together and closed later do not.
    if (closedAt === undefined || latestAfter[i] < closedAt) return;
    const left = closedAt + COLLAPSE_AFTER_MS - now;
    if (left <= 0) sockets.add(n.id);
    else pending = Math.min(pending ?? left, left);
  });
  return { sockets, ...(pending === undefined ? {} : { pending: pending + 20 }) };
}

function sameKey(n: GraphState["nodes"][number]): string {
  // The creation site, not the name: a restarted actor's socket may be numbered anew.
  return `${n.kind}\n${n.label}`;
}
