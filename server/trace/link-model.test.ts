import { describe, expect, it } from "vitest";
import type { SocketKind, TraceEvent } from "../../protocol/trace.js";
import { LinkModel } from "./link-model.js";

const EP = "tcp://127.0.0.1:5563";
const open = (socket: string, kind: SocketKind, t = 0): TraceEvent => ({ type: "socket/open", t, socket, kind, label: kind, thread: 0 });
const bind = (socket: string, t: number, endpoint = EP): TraceEvent => ({
  type: "socket/bind",
  t,
  socket,
  kind: "PULL",
  endpoint: endpoint.replace(/\d+$/, "*"),
  resolved: endpoint,
});
const connect = (socket: string, t: number, endpoint = EP): TraceEvent => ({ type: "socket/connect", t, socket, kind: "PUSH", endpoint });
const close = (socket: string, t: number): TraceEvent => ({ type: "socket/close", t, socket, kind: "PUSH" });
const unbind = (socket: string, t: number): TraceEvent => ({ type: "socket/unbind", t, socket, kind: "PULL", endpoint: EP });
const disconnect = (socket: string, t: number): TraceEvent => ({ type: "socket/disconnect", t, socket, kind: "PUSH", endpoint: EP });

/** The link events a sequence of socket events makes, as short strings. */
function linkEvents(events: TraceEvent[]): string[] {
  const model = new LinkModel();
  return events
    .flatMap((e) => model.apply(e))
    .map((l) => (l.type === "link/up" ? `${l.link} up ${l.from}->${l.to} @${l.t}` : `${l.link} down ${l.reason} by ${l.by} @${l.t}`));
}

describe("the link model: which connect reached which bind", () => {
  it("links a connect to the bind at its address, whichever came first, from the later of the two", () => {
    expect(linkEvents([open("s1", "PULL"), bind("s1", 5), open("s2", "PUSH"), connect("s2", 10)])).toEqual(["l1 up s2->s1 @10"]);
    expect(linkEvents([open("s2", "PUSH"), connect("s2", 3), open("s1", "PULL"), bind("s1", 7)])).toEqual(["l1 up s2->s1 @7"]);
  });

  it("matches a connect to localhost with a wildcard bind's resolved endpoint, and inproc by name only", () => {
    const model = new LinkModel();
    const events: TraceEvent[] = [
      bind("s1", 1, "tcp://0.0.0.0:6000"),
      connect("s2", 2, "tcp://localhost:6000"),
      bind("s3", 1, "inproc://a"),
      connect("s4", 2, "inproc://a"),
      connect("s5", 2, "inproc://b"),
      connect("s6", 2, "ipc://a"),
    ];
    for (const e of events) model.apply(e);
    expect(model.links().map((l) => `${l.from}->${l.to} ${l.transport}`)).toEqual(["s2->s1 tcp", "s4->s3 inproc"]);
  });

  it("ends a link on disconnect, unbind or close, saying which socket ended it", () => {
    expect(linkEvents([bind("s1", 1), connect("s2", 2), disconnect("s2", 5)])).toEqual(["l1 up s2->s1 @2", "l1 down disconnected by s2 @5"]);
    expect(linkEvents([bind("s1", 1), connect("s2", 2), unbind("s1", 6)])).toEqual(["l1 up s2->s1 @2", "l1 down unbound by s1 @6"]);
    expect(linkEvents([bind("s1", 1), connect("s2", 2), close("s1", 7)])).toEqual(["l1 up s2->s1 @2", "l1 down closed by s1 @7"]);
  });

  it("reconnects a connect to the next bind at its address, one live link at a time", () => {
    expect(linkEvents([connect("s2", 1), bind("s1", 2), close("s1", 3), bind("s3", 4), close("s2", 9)])).toEqual([
      "l1 up s2->s1 @2",
      "l1 down closed by s1 @3",
      "l2 up s2->s3 @4",
      "l2 down closed by s2 @9",
    ]);
  });

  it("links a bind reported after the connector closed, when their lifetimes overlapped (a child's late batch)", () => {
    expect(linkEvents([open("s1", "PUSH"), connect("s1", 10), close("s1", 50), open("p9.s1", "PULL"), bind("p9.s1", 5)])).toEqual([
      "l1 up s1->p9.s1 @10",
      "l1 down closed by s1 @50",
    ]);
  });

  it("links a connect reported after the binder closed, when their lifetimes overlapped", () => {
    expect(linkEvents([open("s1", "PULL"), bind("s1", 5), close("s1", 50), open("w2.s1", "PUSH"), connect("w2.s1", 10)])).toEqual([
      "l1 up w2.s1->s1 @10",
      "l1 down closed by s1 @50",
    ]);
  });

  it("does not link sockets that never existed at the same time, nor a socket to itself", () => {
    expect(linkEvents([connect("s1", 10), close("s1", 20), bind("s2", 30)])).toEqual([]);
    expect(linkEvents([bind("s1", 1, "inproc://me"), connect("s1", 2, "inproc://me")])).toEqual([]);
  });

  it("answers who is linked with whom, and whether a connect ever reached a bind", () => {
    const model = new LinkModel();
    for (const e of [open("s1", "PULL"), bind("s1", 1), open("s2", "PUSH"), connect("s2", 2), connect("s2", 3, "tcp://127.0.0.1:1")]) model.apply(e);
    expect(model.peersOf("s1")).toEqual(["s2"]);
    expect(model.kindOf("s1")).toBe("PULL");
    expect(model.reached("s2", EP)).toBe(true);
    expect(model.reached("s2", "tcp://127.0.0.1:1")).toBe(false);
    expect(model.binderAt("tcp://localhost:5563")).toBe("s1");
  });

  it("stays linear for thousands of sockets: 6,000 connects and 6,000 binds on their own ports make 6,000 links", () => {
    const model = new LinkModel();
    const ports = Array.from({ length: 6_000 }, (_, i) => `tcp://127.0.0.1:${10_000 + i}`);
    let links = 0;
    for (const [i, ep] of ports.entries()) links += model.apply(connect(`c${i}`, i, ep)).length;
    for (const [i, ep] of ports.entries()) links += model.apply(bind(`b${i}`, 6_000 + i, ep)).length;
    expect(links).toBe(6_000);
  });

  it("gives each connect one live link even when a hostile trace claims a thousand binds at one address", () => {
    const model = new LinkModel();
    for (let i = 0; i < 1_000; i++) model.apply(connect(`c${i}`, i));
    for (let i = 0; i < 1_000; i++) model.apply(bind(`b${i}`, 1_000 + i));
    expect(model.links()).toHaveLength(1_000);
    expect(new Set(model.links().map((l) => l.to))).toEqual(new Set(["b0"]));
  });
});
