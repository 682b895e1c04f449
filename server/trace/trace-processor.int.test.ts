import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { Subscriptions } from "./subscriptions.js";
import { TraceProcessor } from "./trace-processor.js";

const source = `import * as zmq from "zeromq";\nconst client = new zmq.Request();\nconst server = new zmq.Reply();\n`;
const opened = (socket: string, kind: "REQ" | "REP", line: number): TraceEvent => ({
  type: "socket/open",
  t: line,
  socket,
  kind,
  label: `${kind} main.ts:${line}`,
  thread: 0,
  site: `main.ts:${line}:16`,
});

describe("the trace processor", () => {
  it("adds names and links after the events that cause them, names the runner's diagnostics, and ignores senders the run claims", () => {
    const processor = new TraceProcessor({ "main.ts": source });
    const events: TraceEvent[] = [
      opened("s1", "REQ", 2),
      opened("s2", "REP", 3),
      { type: "socket/bind", t: 4, socket: "s2", kind: "REP", endpoint: "inproc://x" },
      { type: "socket/connect", t: 5, socket: "s1", kind: "REQ", endpoint: "inproc://x" },
      { type: "message/recv", t: 6, socket: "s2", kind: "REP", frames: [], seq: 1, from: "s9" },
      { type: "diagnostic", t: 7, code: "req-send-twice", message: "s1 (REQ) sends again", socket: "s1", severity: "error" },
    ];
    const out = [...processor.process(events, 0), ...processor.finish({}, 10)];
    expect(out.map((e) => e.type)).toEqual([
      "socket/open",
      "socket/name",
      "socket/open",
      "socket/name",
      "socket/bind",
      "socket/connect",
      "link/up",
      "message/recv",
      "diagnostic",
    ]);
    expect(out.filter((e) => e.type === "socket/name").map((e) => e.type === "socket/name" && e.name)).toEqual(["client", "server"]);
    // The run claimed s9; the server decides: s1 is the only socket that can send to s2.
    expect(out.find((e) => e.type === "message/recv")).toMatchObject({ from: "s1" });
    expect(out.find((e) => e.type === "diagnostic")).toMatchObject({ message: "client (REQ) sends again" });
  });
});

describe("subscriptions over time", () => {
  const option = (t: number, name: "subscribe" | "unsubscribe", value: unknown): TraceEvent => ({
    type: "socket/option",
    t,
    socket: "sub",
    kind: "SUB",
    name,
    value,
  });
  it("lets through what a prefix subscribed at that time matches, and knows what was wanted later", () => {
    const subs = new Subscriptions();
    for (const e of [option(10, "subscribe", ["weather"]), option(20, "unsubscribe", ["weather"]), option(30, "subscribe", "")]) subs.observe(e);
    const weather = Buffer.from("weather 1");
    expect([5, 15, 25, 35].map((t) => subs.matchesAt("sub", weather, t))).toEqual([false, true, false, true]);
    expect(subs.matchesEver("sub", Buffer.from("sports"))).toBe(true);
  });

  it("reads an XSUB's subscription messages (1 then the prefix)", () => {
    const subs = new Subscriptions();
    subs.observe({
      type: "message/send",
      t: 1,
      socket: "x",
      kind: "XSUB",
      seq: 1,
      frames: [{ size: 3, preview: "", head: Buffer.from("\u0001ab").toString("base64") }],
    });
    expect(subs.matchesAt("x", Buffer.from("abc"), 2)).toBe(true);
    expect(subs.matchesAt("x", Buffer.from("b"), 2)).toBe(false);
  });
});
