import { describe, expect, it } from "vitest";
import { eventsOfType, runProgram, type ProgramRun } from "./testing/run-program.js";

const kinds = (run: ProgramRun) => eventsOfType(run, "socket/open").map((e) => e.kind);

describe("module systems and zeromq's entry points", () => {
  it("runs a CommonJS main.js with require, require.main and module.exports between files", async () => {
    const run = await runProgram({
      "main.js": `
const zmq = require("zeromq");
const { label } = require("./lib/label.cjs");
const push = new zmq.Push();
console.log(label(push), require.main === module, typeof process.argv[1]);
push.close();
`,
      "lib/label.cjs": `module.exports = { label: (socket) => socket.constructor.name };`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("Push true string\n");
    expect(kinds(run)).toEqual(["PUSH"]);
  });

  it("decides TypeScript per file: require-only .ts and .cts are CommonJS (as tsc emits them)", async () => {
    const run = await runProgram(
      {
        "main.ts": `
const { Pull } = require("zeromq");
const pull: { close(): void } = new Pull();
require("./second.cjs");
pull.close();
`,
        "second.cts": `import { Push } from "zeromq";\nconst push = new Push();\nconsole.log("cts", typeof module);\npush.close();\n`,
        "third.mts": `const { Push } = await import("zeromq");\nexport const pushName = Push.name;\n`,
      },
      { entry: "main.ts" },
    );
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("cts object\n");
    expect(kinds(run)).toEqual(["PULL", "PUSH"]);
  });

  it("traces sockets of a worker started from code (eval: true) that requires and imports zeromq", async () => {
    const run = await runProgram({
      "main.cjs": `
const { Worker } = require("node:worker_threads");
const code = 'const zmq = require("zeromq"); const a = new zmq.Pull(); a.close();' +
  ' import("zeromq").then((m) => { const b = new m.Push(); b.close(); });';
new Worker(code, { eval: true }).on("exit", () => console.log("worker done"));
`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("worker done\n");
    expect(eventsOfType(run, "socket/open").map((e) => [e.kind, e.thread > 0])).toEqual([
      ["PULL", true],
      ["PUSH", true],
    ]);
  });

  it("traces zeromq/draft sockets: SERVER/CLIENT routing ids, RADIO/DISH groups", async () => {
    const run = await runProgram({
      "main.mjs": `
import { Server, Client, Radio, Dish } from "zeromq/draft";
const server = new Server();
await server.bind("inproc://draft");
const client = new Client();
client.connect("inproc://draft");
await client.send("ping");
const [request, { routingId }] = await server.receive();
await server.send("pong", { routingId });
const [reply] = await client.receive();
const dish = new Dish();
dish.join("news");
await dish.bind("udp://127.0.0.1:5599");
const radio = new Radio();
radio.connect("udp://127.0.0.1:5599");
let got;
const receiving = dish.receive().then(([m, { group }]) => (got = group + ":" + m));
while (!got) { await radio.send("hi", { group: "news" }); await new Promise((r) => setTimeout(r, 20)); }
await receiving;
console.log(String(request), String(reply), got);
for (const s of [server, client, dish, radio]) s.close();
`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("ping pong news:hi\n");
    expect(kinds(run)).toEqual(["SERVER", "CLIENT", "DISH", "RADIO"]);
    expect(eventsOfType(run, "message/recv").find((e) => e.kind === "SERVER")?.frames).toEqual([expect.objectContaining({ preview: "ping" })]);
    expect(eventsOfType(run, "socket/option").find((e) => e.kind === "DISH")).toMatchObject({ name: "join", value: ["news"] });
    expect(run.totals.s1).toEqual({ sent: 1, received: 1 });
  });

  it("traces zeromq/v5-compat sockets, required or imported: kinds, bindSync, connect and messages", async () => {
    const run = await runProgram({
      "main.js": `
const zmq = require("zeromq/v5-compat");
const push = zmq.socket("push");
const pull = zmq.socket("pull");
push.bindSync("tcp://127.0.0.1:5598");
pull.connect("tcp://127.0.0.1:5598");
pull.on("message", (m) => { console.log("got", String(m)); push.close(); pull.close(); });
push.send("hello");
`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("got hello\n");
    expect(kinds(run)).toEqual(["PUSH", "PULL"]);
    expect(eventsOfType(run, "socket/bind")[0]).toMatchObject({ kind: "PUSH", endpoint: "tcp://127.0.0.1:5598" });
    expect(eventsOfType(run, "socket/connect")[0]).toMatchObject({ kind: "PULL" });
    expect(run.totals).toEqual({ s1: { sent: 1, received: 0 }, s2: { sent: 0, received: 1 } });
  });

  it("leaves other zeromq subpaths to the real package; .mts is ESM with top-level await", async () => {
    const run = await runProgram({
      "main.mjs": `import * as native from "zeromq/lib/native.js";\nconst { pushName } = await import("./third.mts");\nconsole.log(typeof native.default.Socket, pushName);\n`,
      "third.mts": `const { Push } = await import("zeromq");\nexport const pushName = Push.name;\n`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("function Push\n");
  });
});
