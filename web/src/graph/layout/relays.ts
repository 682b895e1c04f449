import type { SocketKind } from "../../../../protocol/trace.js";
import { placeOf } from "../model/places.js";
import type { GraphState, SocketNode } from "../model/types.js";
import { siteOf } from "../viewModel.js";
import type { FlowEdge } from "./flow.js";

const RECEIVE_ONLY: ReadonlySet<SocketKind> = new Set(["PULL", "SUB", "DISH", "GATHER"]);
const SEND_ONLY: ReadonlySet<SocketKind> = new Set(["PUSH", "PUB", "RADIO", "SCATTER"]);

/**
 * A pipeline's workers pass on what they receive: each pulls on one socket and pushes on another, and no edge
 * joins the two, so without help the layers put a worker's output (and the sink after it) beside the ventilator.
 * A worker is recognised by how it is written: its receiving and sending sockets connect (the stable ends bind),
 * are made on two lines of one file in one thread, and open in turns (input, output, input, output...), one pair
 * per worker. Each pair gives a flow edge from input to output, unless the flow already runs the other way.
 */
export function relayEdges(graph: GraphState, shown: ReadonlySet<string>, flow: FlowEdge[]): FlowEdge[] {
  const byFile = new Map<string, SocketNode[]>();
  for (const n of graph.nodes) {
    if (!shown.has(n.id) || n.binds.length > 0 || !(RECEIVE_ONLY.has(n.kind) || SEND_ONLY.has(n.kind))) continue;
    const key = `${placeOf(n).key} ${fileOf(n)}`;
    byFile.set(key, [...(byFile.get(key) ?? []), n]);
  }
  const relays: FlowEdge[] = [];
  for (const sockets of byFile.values()) {
    const sites = new Map<string, SocketNode[]>();
    for (const s of sockets) sites.set(siteOf(s), [...(sites.get(siteOf(s)) ?? []), s]);
    const inputs = [...sites.values()].filter((s) => RECEIVE_ONLY.has(s[0].kind));
    const outputs = [...sites.values()].filter((s) => SEND_ONLY.has(s[0].kind));
    for (const input of inputs) {
      const output = outputs.find((o) => takeTurns(sockets, input, o));
      if (output) input.forEach((s, i) => relays.push({ id: `relay:${s.id}->${output[i].id}`, from: s.id, to: output[i].id }));
    }
  }
  return relays.filter((r) => !reaches(flow, r.to, r.from));
}

/** "worker.ts" of "worker.ts:12": the creation site without its line. */
function fileOf(socket: SocketNode): string {
  return siteOf(socket).replace(/:\d+(:\d+)?$/, "");
}

/** The two sites made as many sockets, alternately, in opening order. */
function takeTurns(order: SocketNode[], a: SocketNode[], b: SocketNode[]): boolean {
  if (a.length !== b.length) return false;
  const mine = new Set([...a, ...b].map((s) => s.id));
  const merged = order.filter((s) => mine.has(s.id));
  const first = merged[0].id === a[0].id ? a : b;
  return merged.every((s, i) => s.id === (i % 2 === 0 ? first : first === a ? b : a)[Math.floor(i / 2)].id);
}

function reaches(flow: FlowEdge[], from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift() as string;
    if (at === to) return true;
    for (const e of flow) {
      if (e.from !== at || seen.has(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  return false;
}
