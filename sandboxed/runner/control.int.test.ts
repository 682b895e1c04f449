import { describe, expect, it } from "vitest";
import { runProgram } from "./testing/run-program.js";

describe("runtime control and params", () => {
  it("exposes the job's params before the entry runs", async () => {
    const run = await runProgram({ "main.ts": `console.log(JSON.stringify(globalThis.__zmqWorkbenchParams));\n` }, { params: { rate: 5, topic: "weather" } });
    expect(run.stdout).toBe(`{"rate":5,"topic":"weather"}\n`);
  });

  it("dispatches control messages, also those sent with the job before the program listened", async () => {
    const run = await runProgram(
      {
        "main.ts": `
const seen: unknown[] = [];
await new Promise((r) => setTimeout(r, 100));
globalThis.__zmqWorkbenchControl.addEventListener("control", (event) => {
  seen.push((event as MessageEvent).data);
  if (seen.length === 3) { console.log(JSON.stringify(seen)); process.exit(0); }
});
setTimeout(() => {}, 5000);
`,
      },
      {
        control: [
          { afterMs: 0, message: "early" },
          { afterMs: 0, message: { n: 2 } },
          { afterMs: 300, message: [3] },
        ],
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`["early",{"n":2},[3]]\n`);
  });

  it("does not keep a finished program alive while the channel stays open", async () => {
    // Kept alive, it would only end when the harness kills it (a signal), long before the late message.
    const run = await runProgram(
      { "main.ts": `globalThis.__zmqWorkbenchControl.addEventListener("control", () => {});\nconsole.log("bye");\n` },
      {
        control: [{ afterMs: 60_000, message: "too late" }],
        timeoutMs: 25_000,
      },
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("bye\n");
  });
});
