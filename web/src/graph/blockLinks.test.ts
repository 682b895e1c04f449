import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../protocol/trace.js";
import { linkLine } from "./blockLinks.js";
import { planLayout } from "./layout/plan.js";
import { reduceGraphAll } from "./model/reducer.js";

const measure = {
  width: (_cls: string, text: string) => text.length * 7,
  lineHeight: () => 16,
  kind: (text: string) => ({ width: text.length * 9, size: 13 }),
};

let t = 0;
function clientsOfOneRouter(clients: number): TraceEvent[] {
  const events: TraceEvent[] = [
    { type: "socket/open", t: t++, socket: "r", kind: "ROUTER", label: "ROUTER main.ts:3", thread: 0 },
    { type: "socket/bind", t: t++, socket: "r", kind: "ROUTER", endpoint: "inproc://r" },
  ];
  for (let i = 0; i < clients; i++) {
    events.push(
      { type: "socket/open", t: t++, socket: `c${i}`, kind: "REQ", label: "REQ main.ts:9", thread: 0 },
      { type: "socket/connect", t: t++, socket: `c${i}`, kind: "REQ", endpoint: "inproc://r" },
      { type: "link/up", t: t++, link: `l${i}`, from: `c${i}`, to: "r", endpoint: "inproc://r", transport: "inproc" },
    );
  }
  return events;
}

describe("a replica block meets its peer once", () => {
  it("plans one line for a block of clients and their ROUTER, laid out as one edge with room for its count", () => {
    const plan = planLayout(reduceGraphAll(clientsOfOneRouter(6)), new Set(), measure);
    expect(plan.links).toHaveLength(1);
    expect(plan.links[0].edges).toHaveLength(6);
    expect(plan.links[0].to).toBe("r");
    const laidOut = plan.request.edges.filter((e) => !e.id.startsWith("relay:"));
    expect(laidOut).toEqual([expect.objectContaining({ id: plan.links[0].id, from: plan.links[0].from, to: "r" })]);
    expect(laidOut[0].labelWidth).toBeGreaterThan(0);
  });

  it("keeps each edge of a pool too small for a block", () => {
    const plan = planLayout(reduceGraphAll(clientsOfOneRouter(3)), new Set(), measure);
    expect(plan.links).toEqual([]);
    expect(plan.request.edges).toHaveLength(3);
  });

  it("runs from the block's border to the node's shape, and straight to a node dragged elsewhere", () => {
    const route = [
      { x: 100, y: 50 },
      { x: 150, y: 80 },
      { x: 200, y: 80 },
    ];
    const node = { centre: { x: 230, y: 80 }, radius: 20, pinned: false };
    expect(linkLine(route, undefined, node, false)).toEqual([route[0], route[1], { x: 230 - 26, y: 80 }]);
    // The flow runs against the arrow (a SUB connects to its PUB): the line is drawn from the node to the block.
    expect(linkLine(route, undefined, node, true)).toEqual([{ x: 230 - 22, y: 80 }, route[1], route[0]]);
    const dragged = { ...node, centre: { x: 100, y: 300 }, pinned: true };
    expect(linkLine(route, undefined, dragged, false)).toEqual([route[0], { x: 100, y: 300 - 26 }]);
  });
});
