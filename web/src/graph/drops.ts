import type { Selection } from "d3-selection";
import { NODE_RADIUS, type Placed } from "./viewNodes.js";

/** Messages lost at a socket, and why ("filtered", "no-route", "hwm", "before-subscription", "no-peer"). */
export interface DropMark {
  socket: string;
  reason: string;
  count: number;
  message?: string;
  peer?: string;
}

const SHORT: Record<string, string> = {
  filtered: "filtered",
  "no-route": "no route",
  hwm: "HWM",
  "before-subscription": "before subscribe",
  "no-peer": "no peer",
};

/** One marker per socket and reason, at the lower left of the socket where the messages were lost. */
export function drawDrops(layer: Selection<SVGGElement, unknown, null, undefined>, drops: DropMark[], centres: Map<string, Placed>): void {
  const merged = new Map<string, DropMark>();
  for (const d of drops) {
    const key = `${d.socket} ${d.reason}`;
    const was = merged.get(key);
    merged.set(key, was ? { ...d, count: was.count + d.count } : d);
  }
  const perSocket = new Map<string, number>();
  const marks = [...merged.values()]
    .filter((d) => centres.has(d.socket))
    .map((d) => {
      const i = perSocket.get(d.socket) ?? 0;
      perSocket.set(d.socket, i + 1);
      return { ...d, slot: i };
    });
  layer
    .selectAll<SVGGElement, (typeof marks)[number]>("g.drop-marker")
    .data(marks, (d) => `${d.socket} ${d.reason}`)
    .join((enter) => {
      const g = enter.append("g").attr("class", "drop-marker").attr("role", "img");
      g.append("path").attr("d", "M-9,-9 L9,9 M9,-9 L-9,9");
      g.append("text").attr("x", -14).attr("dy", "0.35em").attr("text-anchor", "end");
      g.append("title");
      return g;
    })
    .attr("data-socket", (d) => d.socket)
    .attr("data-drop-reason", (d) => d.reason)
    .attr("aria-label", (d) => `${d.count} lost at ${d.socket}: ${d.message ?? SHORT[d.reason] ?? d.reason}`)
    .attr("transform", (d) => {
      const c = centres.get(d.socket) as Placed;
      return `translate(${c.x - NODE_RADIUS - 4},${c.y - NODE_RADIUS + 6 + d.slot * 22})`;
    })
    .each(function (d) {
      (this.querySelector("text") as SVGTextElement).textContent = `${d.count} ${SHORT[d.reason] ?? d.reason}`;
      (this.querySelector("title") as Element).textContent = d.message ?? `${d.count} messages lost: ${d.reason}`;
    });
}
