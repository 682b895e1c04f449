import type { SocketNode } from "./types.js";

/** Where a socket runs: the program's main thread, one of its worker threads, or a child process it forked. */
export interface Place {
  key: string;
  label: string;
}

export function placeOf(node: Pick<SocketNode, "thread" | "process">): Place {
  const thread = node.thread === 0 ? "" : `worker thread ${node.thread}`;
  if (node.process !== undefined) return { key: `p${node.process}.t${node.thread}`, label: `process ${node.process}${thread ? ` · ${thread}` : ""}` };
  return { key: `t${node.thread}`, label: thread || "main thread" };
}

/** The places of a graph in a stable order: main thread, worker threads, then child processes. */
export function placesOf(nodes: readonly Pick<SocketNode, "thread" | "process">[]): Place[] {
  const byKey = new Map<string, { place: Place; order: [number, number] }>();
  for (const n of nodes) {
    const place = placeOf(n);
    if (!byKey.has(place.key)) byKey.set(place.key, { place, order: [n.process ?? -1, n.thread] });
  }
  return [...byKey.values()].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]).map((p) => p.place);
}
