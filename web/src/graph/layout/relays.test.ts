import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../../protocol/trace.js";
import { reduceGraphAll } from "../model/reducer.js";
import { brokersOf, flowEdges, ranksOf } from "./flow.js";
import { relayEdges } from "./relays.js";

let t = 0;
const open = (socket: string, kind: "PUSH" | "PULL" | "SUB", site: string): TraceEvent => ({
  type: "socket/open",
  t: t++,
  socket,
  kind,
  label: `${kind} ${site}`,
  thread: 0,
});
const bind = (socket: string, kind: "PUSH" | "PULL", endpoint: string): TraceEvent => ({ type: "socket/bind", t: t++, socket, kind, endpoint });
const connect = (socket: string, kind: "PUSH" | "PULL" | "SUB", endpoint: string, to: string): TraceEvent[] => [
  { type: "socket/connect", t: t++, socket, kind, endpoint },
  { type: "link/up", t: t++, link: `l${t}`, from: socket, to, endpoint, transport: "tcp" },
];

/** A worker as a scenario or a lesson writes it: pull on one line, push on the next. */
const worker = (n: number): TraceEvent[] => [
  open(`in${n}`, "PULL", "worker.ts:10"),
  open(`out${n}`, "PUSH", "worker.ts:12"),
  ...connect(`in${n}`, "PULL", "tcp://v", "vent"),
  ...connect(`out${n}`, "PUSH", "tcp://s", "sink"),
];

function layersOf(events: TraceEvent[]) {
  const graph = reduceGraphAll(events);
  const shown = new Set(graph.nodes.map((n) => n.id));
  const brokers = brokersOf(graph, shown);
  const flow = flowEdges(graph, graph.edges, brokers);
  const relays = relayEdges(graph, shown, flow);
  return { relays: relays.map((r) => `${r.from}->${r.to}`), ranks: ranksOf([...shown], [...flow, ...relays], brokers) };
}

describe("a pipeline's workers pass on what they receive", () => {
  it("lays out ventilator, workers' inputs, their outputs, then the sink, though the sink opened first", () => {
    const { relays, ranks } = layersOf([
      open("sink", "PULL", "sink.ts:6"),
      bind("sink", "PULL", "tcp://s"),
      ...worker(1),
      ...worker(2),
      ...worker(3),
      open("vent", "PUSH", "ventilator.ts:7"),
      bind("vent", "PUSH", "tcp://v"),
    ]);
    expect(relays).toEqual(["in1->out1", "in2->out2", "in3->out3"]);
    expect(["vent", "in1", "in2", "out1", "out3", "sink"].map((id) => ranks.get(id))).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it("does not pair sockets made on two lines one after another (readers, then feeders)", () => {
    const events: TraceEvent[] = [
      open("news", "PUSH", "main.ts:1"),
      bind("news", "PUSH", "tcp://n"),
      open("sink", "PULL", "main.ts:2"),
      bind("sink", "PULL", "tcp://s"),
    ];
    for (let i = 0; i < 3; i++) events.push(open(`r${i}`, "SUB", "main.ts:5"), ...connect(`r${i}`, "SUB", "tcp://n", "news"));
    for (let i = 0; i < 3; i++) events.push(open(`f${i}`, "PUSH", "main.ts:9"), ...connect(`f${i}`, "PUSH", "tcp://s", "sink"));
    expect(layersOf(events).relays).toEqual([]);
  });

  it("does not pair the bound ends: a ventilator and a sink made side by side", () => {
    const { relays, ranks } = layersOf([
      open("vent", "PUSH", "main.ts:4"),
      bind("vent", "PUSH", "tcp://v"),
      open("sink", "PULL", "main.ts:7"),
      bind("sink", "PULL", "tcp://s"),
      ...worker(1),
      ...worker(2),
    ]);
    expect(relays).toEqual(["in1->out1", "in2->out2"]);
    expect(ranks.get("vent")).toBeLessThan(ranks.get("sink") as number);
  });
});
