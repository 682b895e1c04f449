import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { nameAtSite, SocketNamer } from "./socket-names.js";

const source = `import * as zmq from "zeromq";
const frontend = new zmq.Router();
let backend: zmq.Dealer = await new zmq.Dealer();
class Broker { constructor() { this.backend = new zmq.Dealer(); } }
const sockets = { control: new zmq.Pair() };
const workers = [1, 2, 3].map(() =>
  new zmq.Dealer());
const client =
  new zmq.Request();
await run(new zmq.Push());
`;
const at = (line: number, text: string) => `main.ts:${line}:${source.split("\n")[line - 1].indexOf(text) + 1}`;

describe("a socket's name from the program's source", () => {
  it("takes the variable, property or key a new socket was assigned to", () => {
    const files = { "main.ts": source };
    expect(nameAtSite(files, at(2, "new"))).toBe("frontend");
    expect(nameAtSite(files, at(3, "new"))).toBe("backend");
    expect(nameAtSite(files, at(4, "new"))).toBe("backend");
    expect(nameAtSite(files, at(5, "new"))).toBe("control");
  });

  it("looks at the lines above a new on its own line, and names one of a collection in the singular", () => {
    const files = { "main.ts": source };
    expect(nameAtSite(files, at(7, "new"))).toBe("worker");
    expect(nameAtSite(files, at(9, "new"))).toBe("client");
  });

  it("says nothing when the source does not name it, or the site names a file the run was not given", () => {
    expect(nameAtSite({ "main.ts": source }, at(10, "new"))).toBeUndefined();
    expect(nameAtSite({ "main.ts": source }, "other.ts:2:18")).toBeUndefined();
    expect(nameAtSite({ "main.ts": source }, "__proto__:1:1")).toBeUndefined();
    expect(nameAtSite({ "main.ts": source }, undefined)).toBeUndefined();
  });
});

describe("SocketNamer", () => {
  const open = (socket: string, site: string, thread = 0): TraceEvent => ({ type: "socket/open", t: 1, socket, kind: "DEALER", label: "DEALER", thread, site });
  const routingId = (socket: string, value: string): TraceEvent => ({ type: "socket/option", t: 2, socket, kind: "DEALER", name: "routingId", value });

  it("numbers sockets that share a name, renaming the first when the second appears", () => {
    const namer = new SocketNamer({ "main.ts": source });
    const names = [open("s1", at(7, "new")), open("s2", at(7, "new"), 2)].flatMap((e) => namer.apply(e));
    expect(names.map((n) => `${n.socket} ${n.name} (${n.detail})`)).toEqual([
      "s1 worker (main.ts:7)",
      "s1 worker #1 (main.ts:7)",
      "s2 worker #2 (main.ts:7 · thread 2)",
    ]);
  });

  it("prefers a routing id to a number, alone when it already says what the socket is", () => {
    const namer = new SocketNamer({ "main.ts": source });
    for (const e of [open("s1", at(7, "new")), open("s2", at(7, "new"))]) namer.apply(e);
    expect(namer.apply(routingId("s2", "worker-b")).map((n) => n.name)).toEqual(["worker-b"]);
    expect(namer.apply(routingId("s1", "A")).map((n) => n.name)).toEqual(["worker A"]);
    expect(namer.nameOf("s2")).toBe("worker-b");
  });

  it("falls back to the kind for a socket made where the source gives no name", () => {
    const namer = new SocketNamer({});
    expect(namer.apply(open("s1", "lib.js:1:1")).map((n) => n.name)).toEqual(["dealer"]);
  });
});

describe("SocketNamer across kinds", () => {
  const pipeline = { "main.ts": "const feedback = new zmq.Pull();\n", "worker.ts": "  const feedback = new zmq.Push();\n" };
  const open = (socket: string, kind: "PULL" | "PUSH", site: string): TraceEvent => ({ type: "socket/open", t: 1, socket, kind, label: kind, thread: 0, site });

  it("numbers a name only among sockets of one kind, so a sink's PULL is not one of its workers' PUSHes", () => {
    const namer = new SocketNamer(pipeline);
    const events = [open("s1", "PULL", "main.ts:1:18"), open("s2", "PUSH", "worker.ts:1:20"), open("s3", "PUSH", "worker.ts:1:20")];
    for (const e of events) namer.apply(e);
    expect(["s1", "s2", "s3"].map((s) => namer.nameOf(s))).toEqual(["feedback", "feedback #1", "feedback #2"]);
  });
});
