import type { GraphState } from "./types.js";

/** A closed socket that a newer one of the same kind and name has replaced fades, then leaves the picture after this long. */
export const COLLAPSE_AFTER_MS = 4000;

/**
 * Closed sockets to leave out: those replaced by a later socket made at the same place (an actor killed and
 * restarted) once they have been closed for a while, so restarts do not pile up ghosts. `closedSince` is kept by
 * the caller across calls; `pending` says when the next one is due.
 */
export function collapsedSockets(graph: GraphState, closedSince: Map<string, number>, now: number): { sockets: Set<string>; pending?: number } {
  const present = new Set<string>();
  const sockets = new Set<string>();
  const seenLater = new Set<string>();
  let pending: number | undefined;
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const n = graph.nodes[i];
    const same = `${n.kind}\n${(n as { name?: string }).name ?? n.label}`;
    const replaced = seenLater.has(same);
    seenLater.add(same);
    if (!n.closed) continue;
    present.add(n.id);
    const since = closedSince.get(n.id) ?? now;
    closedSince.set(n.id, since);
    if (!replaced) continue;
    const left = since + COLLAPSE_AFTER_MS - now;
    if (left <= 0) sockets.add(n.id);
    else pending = Math.min(pending ?? left, left);
  }
  for (const id of closedSince.keys()) if (!present.has(id)) closedSince.delete(id);
  return { sockets, ...(pending === undefined ? {} : { pending: pending + 20 }) };
}
