import { Value } from "@sinclair/typebox/value";
import { describe, expect, it } from "vitest";
import { TraceEvent } from "../../protocol/trace.js";
import { eventsOfType, runProgram } from "./testing/run-program.js";

const REQ_REP = `
import { Request, Reply } from "zeromq";
const rep = new Reply({ linger: 0 });
await rep.bind("tcp://127.0.0.1:*");
const req = new Request();
req.connect(rep.lastEndpoint!);
await req.send("hello");
const [question] = await rep.receive();
await rep.send(["world", question]);
const reply = await req.receive();
console.log(reply.map(String).join(" "));
req.close();
rep.close();
`;

describe("runner lifecycle", () => {
  it("announces itself, runs a REQ/REP round trip and reports every step", async () => {
    const run = await runProgram({ "main.ts": REQ_REP });
    expect(run.messages[0]).toMatchObject({ type: "ready", pid: expect.any(Number) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("world hello\n");
    for (const event of run.events) expect(Value.Check(TraceEvent, event), JSON.stringify(event)).toBe(true);
    const calls = run.events.filter((e) => e.type !== "socket/event" && e.type !== "rates");
    expect(calls.map((e) => `${e.type} ${"socket" in e ? e.socket : ""}`)).toEqual([
      "socket/open s1",
      "socket/option s1",
      "socket/bind s1",
      "socket/open s2",
      "socket/connect s2",
      "message/send s2",
      "message/recv s1",
      "message/send s1",
      "message/recv s2",
      "socket/close s2",
      "socket/close s1",
    ]);
    expect(eventsOfType(run, "socket/open")).toEqual([
      expect.objectContaining({ kind: "REP", label: "REP main.ts:3", site: "main.ts:3:13", thread: 0 }),
      expect.objectContaining({ kind: "REQ", label: "REQ main.ts:5", thread: 0 }),
    ]);
    const reply = eventsOfType(run, "message/send")[1];
    expect(reply.frames).toEqual([
      { size: 5, preview: "world", head: Buffer.from("world").toString("base64") },
      { size: 5, preview: "hello", head: Buffer.from("hello").toString("base64") },
    ]);
    expect(run.totals).toEqual({ s1: { sent: 1, received: 1 }, s2: { sent: 1, received: 1 } });
  });

  it("reports the real port of a tcp wildcard bind", async () => {
    const run = await runProgram({ "main.ts": REQ_REP });
    const [bind] = eventsOfType(run, "socket/bind");
    expect(bind.endpoint).toBe("tcp://127.0.0.1:*");
    expect(bind.resolved).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    expect(eventsOfType(run, "socket/connect")[0].endpoint).toBe(bind.resolved);
  });

  it("stamps events with ms since the job started, in order", async () => {
    const started = performance.now();
    const run = await runProgram({ "main.ts": REQ_REP });
    const elapsed = performance.now() - started;
    const times = run.events.map((e) => e.t);
    expect(times[0]).toBeGreaterThanOrEqual(0);
    expect(times[times.length - 1]).toBeLessThanOrEqual(elapsed); // the run's clock cannot run ahead of the harness's
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("reports an uncaught error with a stack in learner file lines only, and exits 1", async () => {
    const source = `import { Push } from "zeromq";\nconst push = new Push();\nfunction boom(): never {\n  throw new RangeError("kaput");\n}\nboom();\n`;
    const run = await runProgram({ "main.ts": source });
    expect(run.code).toBe(1);
    expect(run.uncaught).toMatchObject({ type: "uncaught", name: "RangeError", message: "kaput" });
    expect(run.uncaught?.stack).toContain("at boom (main.ts:4:9)");
    expect(run.uncaught?.stack).not.toMatch(/node:|runner|file:\/\//);
    expect(eventsOfType(run, "socket/open")).toHaveLength(1);
  });

  it("reports an unhandled rejection the same way", async () => {
    const run = await runProgram({ "main.ts": `await Promise.reject(new Error("nobody caught me"));\n` });
    expect(run.code).toBe(1);
    expect(run.uncaught).toMatchObject({ name: "Error", message: "nobody caught me" });
  });

  it("keeps the exit code of process.exit() and flushes the events before it", async () => {
    const source = `import { Push } from "zeromq";\nconst push = new Push({ linger: 0 });\nconsole.log("bye");\nprocess.exit(3);\n`;
    const run = await runProgram({ "main.ts": source });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("bye\n");
    expect(run.events.map((e) => e.type)).toEqual(["socket/open", "socket/option"]);
    expect(run.totals).toEqual({ s1: { sent: 0, received: 0 } });
  });

  it("reports a syntax or import error in the program as uncaught", async () => {
    const run = await runProgram({ "main.ts": `import { nothing } from "./missing";\nconsole.log(nothing);\n` });
    expect(run.code).toBe(1);
    expect(run.uncaught?.message).toMatch(/missing/);
  });

  it("still reports sockets the program closes in its own exit handler", async () => {
    const source = `import { Push } from "zeromq";\nconst push = new Push();\nprocess.on("exit", () => push.close());\n`;
    const run = await runProgram({ "main.ts": source });
    expect(run.code).toBe(0);
    expect(run.events.map((e) => e.type)).toEqual(["socket/open", "socket/close"]);
  });
});
