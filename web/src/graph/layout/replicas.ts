import { placeOf } from "../model/places.js";
import type { GraphState } from "../model/types.js";
import { siteOf } from "../viewModel.js";
import type { ViewNode } from "../viewNodes.js";

/**
 * Sockets made by one line of code in one thread (a pool of 20 clients, 9 feeders) are drawn as a block of compact
 * nodes packed in rows, not as one column as tall as the pool: a 60-socket program stays legible in a small pane.
 * Below this many, each socket keeps its full caption.
 */
export const REPLICA_BLOCK_MIN = 4;

export interface ReplicaBlock {
  id: string;
  /** "20 × REQ client (main.ts:17)", or "20 × REQ main.ts:17" where the members have no one name */
  label: string;
  members: string[];
}

export function replicaBlocks(graph: GraphState, nodes: ViewNode[]): ReplicaBlock[] {
  const inDevice = new Set(graph.devices.flatMap((d) => d.sockets));
  const bySite = new Map<string, string[]>();
  const sample = new Map<string, ViewNode>();
  for (const n of nodes) {
    if (!n.socket || inDevice.has(n.id)) continue;
    const key = `${n.socket.kind} ${siteOf(n.socket)} @${placeOf(n.socket).key}`;
    bySite.set(key, [...(bySite.get(key) ?? []), n.id]);
    if (!sample.has(key)) sample.set(key, n);
  }
  const nameById = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const blocks: ReplicaBlock[] = [];
  for (const [key, members] of bySite) {
    if (members.length < REPLICA_BLOCK_MIN) continue;
    const s = sample.get(key)?.socket;
    if (!s) continue;
    const name = sharedName(members.map((id) => nameById.get(id)));
    const label = name ? `${members.length} × ${s.kind} ${name} (${siteOf(s)})` : `${members.length} × ${s.kind} ${siteOf(s)}`;
    blocks.push({ id: `g:replicas-${members[0]}`, label, members });
  }
  return blocks;
}

/** "client" for "client #1" … "client #20": the variable the whole pool was made from, when every member has it. */
function sharedName(names: Array<string | undefined>): string | undefined {
  const bases = new Set(names.map((n) => n?.replace(/ #\d+$/, "")));
  const [only] = bases;
  return bases.size === 1 && only ? only : undefined;
}
