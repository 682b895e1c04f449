import { drag } from "d3-drag";
import type { Simulation } from "d3-force";
import type { SimLink, SimNode } from "./simTypes.js";

/**
 * Dragging a node pins it where it is dropped, so a teacher can arrange a topology; double-clicking (or
 * Delete while focused) lets it go again. Pinned nodes keep `fx`/`fy`, which d3-force honours.
 */
export function pinningDrag(simulation: Simulation<SimNode, SimLink>, onChange: () => void, onGrab: () => void = () => {}) {
  return drag<SVGGElement, SimNode>()
    .on("start", (ev, n) => { onGrab(); if (!ev.active) simulation.alphaTarget(0.2).restart(); n.fx = n.x; n.fy = n.y; })
    .on("drag", (ev, n) => { n.fx = ev.x; n.fy = ev.y; })
    .on("end", (ev) => { if (!ev.active) simulation.alphaTarget(0); onChange(); });
}

export function unpin(simulation: Simulation<SimNode, SimLink>, node: SimNode): void {
  node.fx = null;
  node.fy = null;
  simulation.alpha(Math.max(simulation.alpha(), 0.3)).restart();
}

/** Where a node was when it left the graph (scrubbing back in the timeline), to put it back there on return. */
export interface Remembered { x?: number; y?: number; fx?: number | null; fy?: number | null }

export function remember(store: Map<string, Remembered>, node: SimNode): void {
  store.set(node.id, { x: node.x, y: node.y, fx: node.fx, fy: node.fy });
}
