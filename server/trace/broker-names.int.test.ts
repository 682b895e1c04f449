import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceEvent, TraceEventOf } from "../../protocol/trace.js";
import { Supervisor } from "../sandbox/supervisor.js";
import { runProgram, testLimits } from "../sandbox/test/run-program.js";

let supervisor: Supervisor;
beforeAll(async () => (supervisor = await Supervisor.create({ driver: "auto", limits: testLimits() })));
afterAll(() => supervisor.close());

/** A ROUTER/DEALER broker, two clients with routing ids and three workers made in one loop. */
const BROKER = `
import * as zmq from "zeromq";
const quiet = (p) => p.catch(() => {});
const frontend = new zmq.Router({ linger: 0 });
const backend = new zmq.Dealer({ linger: 0 });
await frontend.bind("inproc://frontend");
await backend.bind("inproc://backend");
const workers = [1, 2, 3].map(() => new zmq.Reply({ linger: 0 }));
for (const w of workers) w.connect("inproc://backend");
const clients = [1, 2].map((i) =>
  new zmq.Request({ linger: 0, routingId: "client-" + i }));
for (const c of clients) c.connect("inproc://frontend");
quiet((async () => { for await (const msg of frontend) await backend.send(msg); })());
quiet((async () => { for await (const msg of backend) await frontend.send(msg); })());
for (const w of workers) quiet((async () => { for await (const [m] of w) await w.send("re: " + m); })());
for (const [i, c] of clients.entries()) { await c.send("hello " + i); console.log(String(await c.receive())); }
await new Promise((r) => setTimeout(r, 20));
for (const s of [...clients, ...workers, frontend, backend]) s.close();
`;

const ofType = <T extends TraceEvent["type"]>(events: TraceEvent[], type: T) => events.filter((e): e is TraceEventOf<T> => e.type === type);

describe("names people recognise, on a real broker", () => {
  it("names a broker's sockets by their variables, the clients by routing id and the workers by number", async () => {
    const { exit, events, stdout } = await runProgram(supervisor, BROKER);
    expect(exit.reason, stdout).toBe("ok");
    const names = new Map<string, string>();
    for (const e of ofType(events, "socket/name")) names.set(e.socket, e.name);
    const kinds = new Map(ofType(events, "socket/open").map((e) => [e.socket, e.kind]));
    const named = [...names].map(([socket, name]) => `${kinds.get(socket)} ${name}`).sort();
    expect(named).toEqual(["DEALER backend", "REP worker #1", "REP worker #2", "REP worker #3", "REQ client-1", "REQ client-2", "ROUTER frontend"]);
    expect(ofType(events, "socket/name").find((e) => names.get(e.socket) === "frontend")?.detail).toBe("main.js:4");

    const byName = new Map([...names].map(([socket, name]) => [name, socket]));
    const links = ofType(events, "link/up")
      .map((l) => `${names.get(l.from)} -> ${names.get(l.to)}`)
      .sort();
    expect(links).toEqual(["client-1 -> frontend", "client-2 -> frontend", "worker #1 -> backend", "worker #2 -> backend", "worker #3 -> backend"]);

    // Both ends of each reply: the frontend addressed the client that asked, and the client heard it from the frontend.
    const replies = ofType(events, "message/send").filter((e) => e.socket === byName.get("frontend"));
    expect(replies.map((e) => names.get(e.peer ?? "?")).sort()).toEqual(["client-1", "client-2"]);
    const heard = ofType(events, "message/recv").filter((e) => e.kind === "REQ");
    expect(heard.map((e) => names.get(e.from ?? "?"))).toEqual(["frontend", "frontend"]);
  });
});
