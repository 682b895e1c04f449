import type { Selection } from "d3-selection";
import { pointAt, type Route } from "./geometry.js";
import { brokersOf } from "./layout/flow.js";
import type { Direction, GraphState, MessageRecord } from "./model/types.js";

/** One step of a message's trip: `from` sent it at `sentAt`, `to` received it over `edgeId` at `receivedAt`. */
export interface Hop {
  step: number;
  edgeId: string;
  direction: Direction;
  from: string;
  to: string;
  sentAt?: number;
  receivedAt: number;
  /** Index of the receive in the message log. */
  message: number;
}

/** Kinds that send a request and wait for its reply: their request is followed there and back. */
const ASKING = new Set(["REQ", "DEALER"]);
/** Steps followed at most: a loop that forwards one body forever must not hang the page. */
const MAX_HOPS = 32;

const fpOf = (m: MessageRecord): string | undefined => m.fp;

/**
 * A message's whole path, hop by hop, from the message log: every message event carries a fingerprint of its body
 * (routing envelope left out), so the same request is recognised as it passes a ROUTER, a DEALER, a device or a
 * proxy. From the first send of the chosen message it goes to the receive on a peer, then to the next send of the
 * same body from the same thread or device, and so on; a request from a REQ or DEALER is followed back with the
 * reply the last receiver sent next, as long as that reply reaches the asker.
 */
export function followMessage(graph: GraphState, index: number): Hop[] {
  const msgs = graph.messages;
  const chosen = msgs.find((m) => m.index === index);
  if (!chosen || !fpOf(chosen)) return [];
  const relays = relaysOf(graph);
  const origin = originOf(graph, chosen, relays);
  const there = forward(graph, origin, relays);
  const last = there.at(-1);
  if (!last || !ASKING.has(origin.kind)) return number(there);
  const reply = msgs.find((m) => m.op === "send" && m.socket === last.to && m.index > last.message);
  if (!reply) return number(there);
  const back = forward(graph, reply, relays, origin.socket);
  return number(back.at(-1)?.to === origin.socket ? [...there, ...back] : there);
}

function number(hops: Hop[]): Hop[] {
  return hops.map((h, i) => ({ ...h, step: i + 1 }));
}

type Relays = (a: string, b: string) => boolean;

/** Sockets that relay for each other: the sockets of one device, or of one broker (see brokersOf). */
function relaysOf(graph: GraphState): Relays {
  const brokerOf = new Map<string, number>();
  brokersOf(graph, new Set(graph.nodes.map((n) => n.id))).forEach((members, i) => members.forEach((m) => brokerOf.set(m, i)));
  return (a, b) => a !== b && brokerOf.has(a) && brokerOf.get(a) === brokerOf.get(b);
}

/** The send the chosen message started as: back through receives and relays with the same body. */
function originOf(graph: GraphState, m: MessageRecord, relays: Relays): MessageRecord {
  const fp = fpOf(m);
  let at = m;
  for (let i = 0; i < MAX_HOPS; i++) {
    const before = graph.messages.filter((x) => x.index < at.index && fpOf(x) === fp);
    const prev =
      at.op === "recv"
        ? before.findLast((x) => x.op === "send" && x.socket === senderOf(at))
        : before.findLast((x) => x.op === "recv" && relays(x.socket, at.socket));
    if (!prev) return at.op === "send" ? at : m;
    at = prev;
  }
  return at;
}

function senderOf(recv: MessageRecord): string | undefined {
  if (recv.peer) return recv.peer;
  if (!recv.edgeId) return undefined;
  const [source, target] = recv.edgeId.split("->");
  return recv.direction === "forward" ? source : target;
}

/** Hops from one send onwards, stopping at `stopAt` if given. */
function forward(graph: GraphState, send: MessageRecord, relays: Relays, stopAt?: string): Hop[] {
  const fp = fpOf(send);
  const hops: Hop[] = [];
  let at = send;
  for (let i = 0; i < MAX_HOPS; i++) {
    const recv = graph.messages.find((x) => x.op === "recv" && x.index > at.index && fpOf(x) === fp && x.edgeId && senderOf(x) === at.socket);
    if (!recv) break;
    hops.push({
      step: 0,
      edgeId: recv.edgeId as string,
      direction: recv.direction ?? "forward",
      from: at.socket,
      to: recv.socket,
      sentAt: at.t,
      receivedAt: recv.t,
      message: recv.index,
    });
    if (recv.socket === stopAt) break;
    const next = graph.messages.find((x) => x.op === "send" && x.index > recv.index && fpOf(x) === fp && relays(recv.socket, x.socket));
    if (!next) break;
    at = next;
  }
  return hops;
}

/** Numbered markers along the edges of a followed message, lit one after another; edges on the path are marked. */
export function drawHops(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  edges: Selection<SVGGElement, unknown, null, undefined>,
  hops: Hop[],
  routes: Map<string, { route: Route }>,
): void {
  const perEdge = new Map<string, Hop[]>();
  for (const h of hops) perEdge.set(h.edgeId, [...(perEdge.get(h.edgeId) ?? []), h]);
  edges.selectAll<SVGGElement, { id: string }>("g.edge").each(function (e) {
    const on = perEdge.get(e.id);
    this.classList.toggle("followed", !!on);
    if (on) this.setAttribute("data-follow", on.map((h) => h.step).join(" "));
    else this.removeAttribute("data-follow");
  });
  const shown = hops.filter((h) => routes.has(h.edgeId));
  layer
    .selectAll<SVGGElement, Hop>("g.follow-hop")
    .data(shown, (h) => String(h.step))
    .join((enter) => {
      const g = enter.append("g").attr("class", "follow-hop");
      g.append("circle").attr("r", 11);
      g.append("text").attr("text-anchor", "middle").attr("dy", "0.35em");
      return g;
    })
    .attr("data-hop", (h) => h.step)
    .attr("data-on-edge", (h) => h.edgeId) // not data-edge: that names edges alone
    .attr("data-from", (h) => h.from)
    .attr("data-to", (h) => h.to)
    .style("animation-delay", (h) => `${(h.step - 1) * 0.45}s`)
    .attr("transform", (h) => {
      const same = perEdge.get(h.edgeId) as Hop[];
      const slot = same.indexOf(h);
      const f = same.length === 1 ? 0.5 : 0.3 + (0.4 * slot) / (same.length - 1);
      // Along the drawn line, whichever way the hop went: two hops on one edge never share a spot.
      const p = pointAt((routes.get(h.edgeId) as { route: Route }).route, f);
      return `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`;
    })
    .select("text")
    .text((h) => String(h.step));
}
