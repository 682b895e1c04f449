import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../../protocol/trace.js";
import { reduceGraphAll } from "../model/reducer.js";
import { brokersOf, flowEdges, ranksOf } from "./flow.js";
import { relayEdges } from "./relays.js";

type Kind = "REQ" | "REP" | "ROUTER" | "DEALER" | "PUB" | "SUB" | "PUSH" | "PULL";
let t = 0;
const open = (socket: string, kind: Kind, thread = 0): TraceEvent => ({ type: "socket/open", t: t++, socket, kind, label: `${kind} main.ts:${t}`, thread });
const bind = (socket: string, kind: Kind, endpoint: string): TraceEvent => ({ type: "socket/bind", t: t++, socket, kind, endpoint });
const connect = (socket: string, kind: Kind, endpoint: string): TraceEvent => ({ type: "socket/connect", t: t++, socket, kind, endpoint });
/** The server's link model says which bind a connect reached. */
const link = (from: string, to: string, endpoint: string): TraceEvent => ({ type: "link/up", t: t++, link: `l${t}`, from, to, endpoint, transport: "inproc" });

function layers(events: TraceEvent[]) {
  const graph = reduceGraphAll(events);
  const ids = graph.nodes.map((n) => n.id);
  const shown = new Set(ids);
  const brokers = brokersOf(graph, shown);
  const flow = flowEdges(graph, graph.edges, brokers);
  return ranksOf(ids, [...flow, ...relayEdges(graph, shown, flow)], brokers);
}

describe("layers in the direction of flow", () => {
  it("puts ROUTER/ROUTER broker clients left of it and its REQ workers right, though both connect", () => {
    const r = layers([
      open("front", "ROUTER"),
      bind("front", "ROUTER", "inproc://f"),
      open("back", "ROUTER"),
      bind("back", "ROUTER", "inproc://b"),
      open("c1", "REQ"),
      connect("c1", "REQ", "inproc://f"),
      link("c1", "front", "inproc://f"),
      open("c2", "REQ"),
      connect("c2", "REQ", "inproc://f"),
      link("c2", "front", "inproc://f"),
      open("w1", "REQ"),
      connect("w1", "REQ", "inproc://b"),
      link("w1", "back", "inproc://b"),
      open("w2", "REQ"),
      connect("w2", "REQ", "inproc://b"),
      link("w2", "back", "inproc://b"),
    ]);
    expect([r.get("c1"), r.get("c2"), r.get("front"), r.get("back"), r.get("w1"), r.get("w2")]).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("puts REP workers of a ROUTER/DEALER queue right of the DEALER they connect to", () => {
    const r = layers([
      open("front", "ROUTER"),
      bind("front", "ROUTER", "inproc://f"),
      open("back", "DEALER"),
      bind("back", "DEALER", "inproc://b"),
      open("c", "REQ"),
      connect("c", "REQ", "inproc://f"),
      link("c", "front", "inproc://f"),
      open("w", "REP"),
      connect("w", "REP", "inproc://b"),
      link("w", "back", "inproc://b"),
    ]);
    expect([r.get("c"), r.get("front"), r.get("back"), r.get("w")]).toEqual([0, 1, 1, 2]);
  });

  it("puts a PUB left of the SUB that connects to it, and a PUSH left of a PULL", () => {
    const r = layers([
      open("pub", "PUB"),
      bind("pub", "PUB", "inproc://p"),
      open("sub", "SUB"),
      connect("sub", "SUB", "inproc://p"),
      link("sub", "pub", "inproc://p"),
      open("pull", "PULL"),
      bind("pull", "PULL", "inproc://q"),
      open("push", "PUSH"),
      connect("push", "PUSH", "inproc://q"),
      link("push", "pull", "inproc://q"),
    ]);
    expect(r.get("pub")).toBeLessThan(r.get("sub") as number);
    expect(r.get("push")).toBeLessThan(r.get("pull") as number);
  });

  it("does not take a pipeline written in one thread (a bound PUSH and a bound PULL) for a broker: ventilator, worker, sink", () => {
    const r = layers([
      open("vent", "PUSH"),
      bind("vent", "PUSH", "inproc://v"),
      open("sink", "PULL"),
      bind("sink", "PULL", "inproc://s"),
      open("wi", "PULL"),
      connect("wi", "PULL", "inproc://v"),
      link("wi", "vent", "inproc://v"),
      open("wo", "PUSH"),
      connect("wo", "PUSH", "inproc://s"),
      link("wo", "sink", "inproc://s"),
    ]);
    expect([r.get("vent"), r.get("wi"), r.get("wo"), r.get("sink")]).toEqual([0, 1, 2, 3]);
  });

  it("does not take a PUB bound beside a ROUTER/DEALER queue for part of the queue", () => {
    const r = layers([
      open("front", "ROUTER"),
      bind("front", "ROUTER", "inproc://f"),
      open("back", "DEALER"),
      bind("back", "DEALER", "inproc://b"),
      open("news", "PUB"),
      bind("news", "PUB", "inproc://n"),
      open("c", "REQ"),
      connect("c", "REQ", "inproc://f"),
      link("c", "front", "inproc://f"),
      open("s", "SUB"),
      connect("s", "SUB", "inproc://n"),
      link("s", "news", "inproc://n"),
    ]);
    expect([r.get("c"), r.get("front"), r.get("back"), r.get("news"), r.get("s")]).toEqual([0, 1, 1, 0, 1]);
  });

  it("stays bounded when edges form a cycle", () => {
    const r = layers([
      open("a", "ROUTER", 1),
      bind("a", "ROUTER", "inproc://a"),
      open("b", "ROUTER", 2),
      bind("b", "ROUTER", "inproc://b"),
      connect("a", "ROUTER", "inproc://b"),
      link("a", "b", "inproc://b"),
      connect("b", "ROUTER", "inproc://a"),
      link("b", "a", "inproc://a"),
    ]);
    expect(Math.max(...r.values())).toBeLessThanOrEqual(2);
  });
});
