import { describe, expect, it } from "vitest";
import { eventsOfType, runProgram } from "./testing/run-program.js";

describe("learner modules", () => {
  it("imports between files with, without and with the TypeScript extension, in subfolders", async () => {
    const run = await runProgram({
      "main.ts": `
import { greet } from "./lib/greet";
import { NAME } from "./config.ts";
import { shout } from "./lib/shout.mjs";
import data from "./data.json" with { type: "json" };
console.log(shout(greet(NAME)), data.answer);
`,
      "config.ts": `export const NAME: string = "zeromq";`,
      "lib/greet.ts": `export const greet = (name: string): string => "hello " + name;`,
      "lib/shout.mts": `export const shout = (text: string): string => text.toUpperCase();`,
      "data.json": `{ "answer": 42 }`,
    });
    expect(run.uncaught).toBeUndefined();
    expect(run.stdout).toBe("HELLO ZEROMQ 42\n");
  });

  it("labels sockets created in another file with that file's line", async () => {
    const run = await runProgram(
      {
        "main.ts": `import { makeSocket } from "./factory";\nconst s = makeSocket();\ns.close();\n`,
        "lib/factory.ts": `import { Push } from "zeromq";\n\nexport function makeSocket() {\n  return new Push();\n}\n`,
        "factory.ts": `export { makeSocket } from "./lib/factory";\n`,
      },
      { entry: "main.ts" },
    );
    expect(run.uncaught).toBeUndefined();
    expect(eventsOfType(run, "socket/open")[0]).toMatchObject({ label: "PUSH lib/factory.ts:4", site: "lib/factory.ts:4:10" });
  });

  it("traces sockets of a worker thread talking inproc to the main thread", async () => {
    const run = await runProgram({
      "main.ts": `
import { Worker } from "node:worker_threads";
import { Pull } from "zeromq";
const pull = new Pull();
await pull.bind("inproc://results");
const worker = new Worker(new URL("./worker.ts", import.meta.url));
const [result] = await pull.receive();
console.log(String(result));
await new Promise((resolve) => worker.on("exit", resolve));
pull.close();
`,
      "worker.ts": `
import { threadId } from "node:worker_threads";
import { Push } from "zeromq";
const push = new Push();
push.connect("inproc://results");
await push.send("done in thread " + threadId);
push.close();
`,
    });
    expect(run.uncaught).toBeUndefined();
    const opens = eventsOfType(run, "socket/open");
    const workerOpen = opens.find((e) => e.kind === "PUSH")!;
    expect(run.stdout).toBe(`done in thread ${workerOpen.thread}\n`);
    expect(workerOpen.thread).toBeGreaterThan(0);
    expect(workerOpen.socket).toBe(`w${workerOpen.thread}.s1`);
    expect(workerOpen.label).toBe("PUSH worker.ts:4");
    expect(workerOpen.t).toBeGreaterThan(0);
    expect(eventsOfType(run, "message/send")).toEqual([expect.objectContaining({ socket: workerOpen.socket, seq: 1 })]);
    expect(run.totals).toEqual({ s1: { sent: 0, received: 1 }, [workerOpen.socket]: { sent: 1, received: 0 } });
  });
});
