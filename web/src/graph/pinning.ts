import { drag } from "d3-drag";
import type { Placed, ViewNode } from "./viewNodes.js";

/**
 * Dragging a node pins it where it is dropped, so a teacher can arrange a topology; double-clicking (or
 * Delete while focused) gives it back to the layout.
 */
export function pinningDrag(pins: Map<string, Placed>, where: (id: string) => Placed | undefined, onMove: () => void, onGrab: () => void) {
  let offset = { x: 0, y: 0 };
  return drag<SVGGElement, ViewNode>()
    .on("start", (ev, n) => {
      onGrab();
      const at = where(n.id) ?? { x: ev.x, y: ev.y };
      offset = { x: at.x - ev.x, y: at.y - ev.y };
    })
    .on("drag", (ev, n) => {
      pins.set(n.id, { x: ev.x + offset.x, y: ev.y + offset.y });
      onMove();
    });
}
