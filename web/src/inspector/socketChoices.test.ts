import { describe, expect, it } from "vitest";
import type { SocketNode } from "../graph/model/types.js";
import { socketChoices } from "./socketChoices.js";

function socket(id: string, kind: SocketNode["kind"], label: string, extra: Partial<SocketNode> = {}): SocketNode {
  return { id, kind, label, thread: 0, closed: false, sent: 0, received: 0, binds: [], connects: [], diagnostics: [], options: {}, ...extra };
}

describe("socketChoices", () => {
  it("uses the names the graph draws, with the kind, and never the trace's ids", () => {
    const choices = socketChoices([
      socket("s1", "ROUTER", "ROUTER broker.ts:5", { name: "frontend" }),
      socket("s2", "REQ", "REQ main.ts:21", { name: "client #1" }),
      socket("s7", "REQ", "REQ main.ts:21", { name: "client #2" }),
      socket("s8", "DEALER", "DEALER main.ts:30", { name: "worker-3" }),
    ]);
    expect(choices).toEqual([
      { id: "s1", text: "ROUTER frontend" },
      { id: "s2", text: "REQ client #1" },
      { id: "s7", text: "REQ client #2" },
      { id: "s8", text: "DEALER worker-3" },
    ]);
    expect(choices.map((c) => c.text).join(" ")).not.toMatch(/\bs\d+\b/);
  });

  it("numbers unnamed sockets made on the same line in the order they were opened", () => {
    const choices = socketChoices([socket("s3", "REP", "REP main.ts:18"), socket("s4", "REQ", "REQ main.ts:32"), socket("s5", "REP", "REP main.ts:18")]);
    expect(choices.map((c) => c.text)).toEqual(["REP main.ts:18 #1", "REQ main.ts:32", "REP main.ts:18 #2"]);
  });

  it("says a socket is closed, and does not repeat a name made from the kind alone", () => {
    const choices = socketChoices([
      socket("s1", "PUSH", "PUSH main.ts:3", { name: "push", closed: true }),
      socket("s2", "REQ", "REQ main.ts:4", { name: "req #2" }),
    ]);
    expect(choices.map((c) => c.text)).toEqual(["PUSH (closed)", "REQ #2"]);
  });
});
