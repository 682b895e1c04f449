import type { LayoutRequest } from "./types.js";

/**
 * A small graph the layout worker lays out once as it starts, before any run: ELK is compiled Java, and its first
 * layout runs its code cold (seconds on a busy machine, measured: 2.4 s for the first 100-socket layout, 0.2–0.4 s
 * after). It touches what real layouts use: layers with partitions, a thread box, a packed block of replicas, labels.
 */
export function warmUpRequest(): LayoutRequest {
  const node = (id: string, rank: number, group?: string) => ({ id, width: 120, height: 90, rank, ...(group ? { group } : {}) });
  const replicas = Array.from({ length: 6 }, (_, i) => ({ ...node(`c${i}`, 0, "g:replicas"), width: 60, height: 60 }));
  const workers = Array.from({ length: 3 }, (_, i) => node(`w${i}`, 2, "g:thread"));
  return {
    nodes: [...replicas, node("front", 1), node("back", 1), ...workers],
    groups: [
      { id: "g:replicas", label: "6 × REQ", labelWidth: 60, members: replicas.map((n) => n.id), packed: true },
      { id: "g:thread", label: "worker thread 1", labelWidth: 110, members: workers.map((n) => n.id) },
    ],
    edges: [
      { id: "e0", from: "g:replicas", to: "front", labelWidth: 0, labelHeight: 16 },
      ...workers.map((w, i) => ({ id: `e${i + 1}`, from: "back", to: w.id, labelWidth: 70, labelHeight: 16 })),
    ],
  };
}
