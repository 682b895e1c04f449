import { describe, expect, it } from "vitest";
import { eventsOfType, runProgram } from "./testing/run-program.js";

describe("limits and learner mistakes", () => {
  it("refuses the socket over the limit with a clear error naming the limit", async () => {
    const run = await runProgram(
      { "main.ts": `import { Pair } from "zeromq";\nconst sockets = [];\nfor (let i = 0; i < 129; i++) sockets.push(new Pair());\n` },
      { limits: { maxSockets: 128 } },
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.uncaught).toMatchObject({ name: "LimitError", limit: "sockets" });
    expect(run.uncaught?.message).toMatch(/at most 128 sockets open at once \(the sandbox.s SOCKETS limit\)/);
    expect(run.uncaught?.stack).toContain("main.ts:3");
    expect(eventsOfType(run, "socket/open")).toHaveLength(128);
  });

  it("counts open sockets only: closed ones free their slot", async () => {
    const run = await runProgram(
      { "main.ts": `import { Pair } from "zeromq";\nfor (let i = 0; i < 10; i++) new Pair().close();\nconsole.log("ok");\n` },
      { limits: { maxSockets: 2 } },
    );
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("ok\n");
  });

  it("refuses a message over the size limit without sending it", async () => {
    const run = await runProgram(
      {
        "main.ts": `
import { Pair } from "zeromq";
const a = new Pair({ linger: 0 });
await a.bind("inproc://big");
try {
  await a.send([Buffer.alloc(600), Buffer.alloc(600)]);
} catch (err) {
  console.log((err as Error).name, (err as { limit?: string }).limit);
}
a.close();
`,
      },
      { limits: { maxMessageBytes: 1000 } },
    );
    expect(run.stdout).toBe("LimitError message-size\n");
    expect(eventsOfType(run, "socket/error")).toEqual([
      expect.objectContaining({ op: "send", code: "message-size", message: expect.stringMatching(/1200 bytes.*1000/) }),
    ]);
    expect(run.totals).toEqual({ s1: { sent: 0, received: 0 } });
  });

  it("rejects a misspelt constructor option before the native socket exists", async () => {
    const run = await runProgram({ "main.ts": `import { Push } from "zeromq";\nconst push = new Push({ lingr: 0 } as any);\n` });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.uncaught).toMatchObject({ name: "TypeError", message: "unknown option lingr; did you mean linger?" });
    expect(eventsOfType(run, "socket/open")).toEqual([]);
  });

  it("closes the socket cleanly when an option value has the wrong type", async () => {
    const run = await runProgram({ "main.ts": `import { Push } from "zeromq";\nnew Push({ linger: "zero" } as any);\n` });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.uncaught?.message).toBe("option linger of Push: Option value must be a number");
    expect(eventsOfType(run, "socket/close")).toHaveLength(1);
  });

  it("explains a bad endpoint and a busy address in socket/error events", async () => {
    const run = await runProgram({
      "main.ts": `
import { Pull } from "zeromq";
const a = new Pull({ linger: 0 });
const b = new Pull({ linger: 0 });
try { a.connect("tcp:/typo"); } catch {}
await a.bind("tcp://127.0.0.1:*");
try { await b.bind(a.lastEndpoint!); } catch {}
a.close();
b.close();
`,
    });
    expect(run.uncaught).toBeUndefined();
    const errors = eventsOfType(run, "socket/error");
    expect(errors.map((e) => [e.socket, e.op, e.code])).toEqual([
      ["s1", "connect", "EINVAL"],
      ["s2", "bind", "EADDRINUSE"],
    ]);
    expect(errors[0].message).toMatch(/endpoint is not valid/);
    expect(errors[1].message).toMatch(/already bound this address/);
  });

  it("warns about a SUB without subscription and a REQ receiving before sending", async () => {
    const run = await runProgram({
      "main.ts": `
import { Subscriber, Request } from "zeromq";
const sub = new Subscriber({ linger: 0, receiveTimeout: 20 });
const req = new Request({ linger: 0, receiveTimeout: 20 });
await sub.receive().catch(() => {});
await req.receive().catch(() => {});
sub.close();
req.close();
`,
    });
    expect(eventsOfType(run, "diagnostic").map((d) => [d.code, d.socket, d.severity])).toEqual([
      ["sub-no-subscription", "s1", "warning"],
      ["req-receive-before-send", "s2", "error"],
    ]);
  });

  it("samples message events past the budget but counts every message", async () => {
    const run = await runProgram(
      {
        "main.ts": `
import { Push, Pull } from "zeromq";
const pull = new Pull({ linger: 0 });
await pull.bind("inproc://flood");
const push = new Push({ linger: 0 });
push.connect("inproc://flood");
for (let i = 0; i < 3000; i++) { await push.send("m" + i); await pull.receive(); }
push.close();
pull.close();
`,
      },
      { limits: { maxMessageEvents: 100 } },
    );
    expect(run.uncaught).toBeUndefined();
    expect(run.totals).toEqual({ s1: { sent: 0, received: 3000 }, s2: { sent: 3000, received: 0 } });
    const messages = [...eventsOfType(run, "message/send"), ...eventsOfType(run, "message/recv")];
    expect(messages.length).toBeGreaterThanOrEqual(100);
    expect(messages.length).toBeLessThan(120);
  });
});
