import type { FlowEdge } from "./flow.js";

interface Sized {
  id: string;
  width: number;
  height: number;
}

/** Graph units between laid-out columns and between rows of parts; close to ELK's own spacing. */
const GAP = { column: 76, row: 40, node: 20 };

/**
 * Parts of a graph that share no edge (a broker, a PUB with its SUBs, a pipeline's two ends) are placed side by
 * side or in rows, whichever lets the whole fit the pane at the larger zoom: ELK's layers are shared by every part,
 * so without this they all stack in the same columns, one tall picture in a wide pane. Returns each node's rank
 * shifted so that parts in one row take columns of their own.
 */
export function arrangeParts(
  nodes: Sized[],
  ranks: Map<string, number>,
  flow: FlowEdge[],
  brokers: string[][],
  pane: { width: number; height: number },
): Map<string, number> {
  return arrangement(nodes, ranks, flow, brokers, pane).ranks;
}

/**
 * The arrangement, and the zoom at which it would about fit the pane (an estimate: rate labels and ELK's own
 * placement add to it, so the real fit is smaller).
 */
export function arrangement(
  nodes: Sized[],
  ranks: Map<string, number>,
  flow: FlowEdge[],
  brokers: string[][],
  pane: { width: number; height: number },
): { ranks: Map<string, number>; zoom: number } {
  const parts = partsOf(
    nodes.map((n) => n.id),
    flow,
    brokers,
  );
  const size = new Map(nodes.map((n) => [n.id, n]));
  const boxes = parts.map((members) => {
    const columns = new Map<number, { width: number; height: number }>();
    for (const id of members) {
      const r = ranks.get(id) ?? 0,
        n = size.get(id) as Sized,
        c = columns.get(r) ?? { width: 0, height: -GAP.node };
      columns.set(r, { width: Math.max(c.width, n.width), height: c.height + n.height + GAP.node });
    }
    const cols = [...columns.values()];
    return {
      members,
      span: Math.max(...columns.keys()) + 1,
      width: cols.reduce((s, c) => s + c.width, 0) + (cols.length - 1) * GAP.column,
      height: Math.max(...cols.map((c) => c.height)),
    };
  });
  const total = boxes.reduce((s, b) => s + b.width + GAP.column, 0);
  let best: { rows: (typeof boxes)[]; zoom: number } | null = null;
  for (let count = 1; count <= boxes.length; count++) {
    const target = Math.max(...boxes.map((b) => b.width), total / count);
    const rows: (typeof boxes)[] = [[]];
    let used = 0;
    for (const b of boxes) {
      if (rows[rows.length - 1].length && used + b.width > target * 1.05) {
        rows.push([]);
        used = 0;
      }
      rows[rows.length - 1].push(b);
      used += b.width + GAP.column;
    }
    const width = Math.max(...rows.map((r) => r.reduce((s, b) => s + b.width + GAP.column, -GAP.column)));
    const height = rows.reduce((s, r) => s + Math.max(...r.map((b) => b.height)) + GAP.row, -GAP.row);
    const zoom = Math.min(pane.width / width, pane.height / height);
    if (!best || zoom > best.zoom + 1e-9) best = { rows, zoom };
  }
  if (parts.length < 2) return { ranks, zoom: best?.zoom ?? 1 };
  const shifted = new Map(ranks);
  for (const row of best?.rows ?? []) {
    let offset = 0;
    for (const b of row) {
      for (const id of b.members) shifted.set(id, (ranks.get(id) ?? 0) + offset);
      offset += b.span;
    }
  }
  return { ranks: shifted, zoom: best?.zoom ?? 1 };
}

/** Connected parts, each in the order its first node was drawn; a broker's sockets are one part. */
function partsOf(ids: string[], flow: FlowEdge[], brokers: string[][]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const join = (a: string, b: string) => {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  };
  for (const e of flow) join(e.from, e.to);
  for (const b of brokers) for (const s of b.slice(1)) join(b[0], s);
  const parts = new Map<string, string[]>();
  for (const id of ids) parts.set(find(id), [...(parts.get(find(id)) ?? []), id]);
  return [...parts.values()];
}
