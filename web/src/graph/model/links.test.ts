import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../../protocol/trace.js";
import { reduceGraphAll } from "./reducer.js";
import { edgeLabels } from "../viewModel.js";

const base: TraceEvent[] = [
  { type: "socket/open", t: 0, socket: "s1", kind: "PUSH", label: "PUSH main.ts:1", thread: 0 },
  { type: "socket/connect", t: 1, socket: "s1", kind: "PUSH", endpoint: "tcp://localhost:7000" },
];
const retry = (retries: number): TraceEvent => ({
  type: "socket/event",
  t: 2,
  socket: "s1",
  kind: "PUSH",
  event: "connect:retry",
  endpoint: "tcp://127.0.0.1:7000",
  retries,
  interval: 100,
});

describe("observer events on edges", () => {
  it("counts retries of an unanswered connect and labels its edge", () => {
    const g = reduceGraphAll([...base, retry(2), retry(3)]);
    expect(g.links["s1 tcp://localhost:7000"]).toEqual({ state: "retrying", retries: 5 });
    expect(edgeLabels(g.edges, g).get("s1->?tcp://localhost:7000")).toMatchObject({ state: "retrying", status: "retrying (5)" });
  });

  it("clears the retries once the connect is answered, and marks a disconnect", () => {
    const connected = reduceGraphAll([
      ...base,
      retry(2),
      { type: "socket/event", t: 3, socket: "s1", kind: "PUSH", event: "connect", endpoint: "tcp://127.0.0.1:7000" },
    ]);
    expect(connected.links["s1 tcp://localhost:7000"]).toEqual({ state: "connected", retries: 0 });
    const gone = reduceGraphAll([{ type: "socket/event", t: 4, socket: "s1", kind: "PUSH", event: "disconnect", endpoint: "tcp://127.0.0.1:7000" }], connected);
    expect(gone.links["s1 tcp://localhost:7000"].state).toBe("disconnected");
  });
});

describe("edge rates and devices", () => {
  it("splits a connecting socket's rate over its edges by the messages each carried", () => {
    const events: TraceEvent[] = [
      { type: "socket/open", t: 0, socket: "a", kind: "DEALER", label: "DEALER", thread: 0 },
      { type: "socket/open", t: 0, socket: "b", kind: "ROUTER", label: "ROUTER", thread: 0 },
      { type: "socket/bind", t: 0, socket: "b", kind: "ROUTER", endpoint: "inproc://b" },
      { type: "socket/connect", t: 0, socket: "a", kind: "DEALER", endpoint: "inproc://b" },
      { type: "link/up", t: 0, link: "l1", from: "a", to: "b", endpoint: "inproc://b", transport: "inproc" },
      { type: "rates", t: 1000, interval: 1000, sockets: { a: { sent: 1500, received: 0 } } },
    ];
    const g = reduceGraphAll(events);
    expect(g.edgeRates["a->b"]).toBe(1500);
    expect(edgeLabels(g.edges, g).get("a->b")?.status).toBe("1.5k msg/s");
  });

  it("keeps one group per device", () => {
    const g = reduceGraphAll([
      { type: "socket/open", t: 0, socket: "f", kind: "ROUTER", label: "ROUTER", thread: 0 },
      { type: "socket/open", t: 0, socket: "k", kind: "DEALER", label: "DEALER", thread: 0 },
      { type: "device/open", t: 1, device: "d1", kind: "queue", sockets: ["f", "k"] },
      { type: "socket/bind", t: 1, socket: "f", kind: "ROUTER", endpoint: "inproc://front" },
      { type: "socket/open", t: 0, socket: "c1", kind: "REQ", label: "REQ", thread: 0 },
      { type: "socket/open", t: 0, socket: "c2", kind: "REQ", label: "REQ", thread: 0 },
      { type: "socket/connect", t: 2, socket: "c1", kind: "REQ", endpoint: "inproc://front" },
      { type: "socket/connect", t: 2, socket: "c2", kind: "REQ", endpoint: "inproc://front" },
      { type: "link/up", t: 2, link: "l1", from: "c1", to: "f", endpoint: "inproc://front", transport: "inproc" },
      { type: "link/up", t: 2, link: "l2", from: "c2", to: "f", endpoint: "inproc://front", transport: "inproc" },
    ]);
    expect(g.devices).toEqual([{ id: "d1", kind: "queue", label: "queue device", sockets: ["f", "k"] }]);
    expect(g.edges.map((e) => e.id)).toEqual(["c1->f", "c2->f"]);
  });
});
