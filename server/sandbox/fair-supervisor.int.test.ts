import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Supervisor, type RunTicket } from "./supervisor.js";
import { bwrapSkipReason, testLimits } from "./test/run-program.js";

const skipReason = await bwrapSkipReason();

describe.skipIf(skipReason !== undefined)("the supervisor's queue across clients", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ CONCURRENT_RUNS: 1, RUNS_PER_CLIENT: 3, RUNS_PER_TAB: 3 }) });
  });
  afterAll(async () => supervisor?.close());

  it("serves waiting clients in turn: a client's third run starts after another client's first", async () => {
    const started: string[] = [];
    const positions: number[] = [];
    const blocker = await supervisor.submit({ runId: "blocker", client: "x", files: { "main.js": "setInterval(() => {}, 1000);" } }, (batch) =>
      batch.forEach((e) => {
        e.type === "run/start" && started.push("blocker");
      }),
    );
    const queued: RunTicket[] = [];
    for (const [runId, client] of [
      ["a1", "a"],
      ["a2", "a"],
      ["a3", "a"],
      ["b1", "b"],
      ["c1", "c"],
    ]) {
      queued.push(
        await supervisor.submit(
          { runId, client, files: { "main.js": "1;" } },
          (batch) =>
            batch.forEach((e) => {
              e.type === "run/start" && started.push(runId);
            }),
          (p) => positions.push(p),
        ),
      );
    }
    // a1 first; a2, a3 behind it; b1 after a1; c1 after a1 and b1 (a2 and a3 wait their turns after b1 and c1).
    expect(positions).toEqual([1, 2, 3, 2, 3]);
    blocker.stop("stop");
    await Promise.all(queued.map((t) => t.done));
    expect(started).toEqual(["blocker", "a1", "b1", "c1", "a2", "a3"]);
  });

  it("refuses a client's run past its share with a sentence, and counts it again once a run ends", async () => {
    const long = "setInterval(() => {}, 1000);";
    const tickets = await Promise.all([1, 2, 3].map((i) => supervisor.submit({ runId: `h${i}`, client: "h", files: { "main.js": long } }, () => {})));
    await expect(supervisor.submit({ runId: "h4", client: "h", files: { "main.js": long } }, () => {})).rejects.toThrow("You already have 3 runs going");
    tickets[0].stop("stop");
    await tickets[0].done;
    const again = await supervisor.submit({ runId: "h5", client: "h", files: { "main.js": "1;" } }, () => {});
    tickets.slice(1).forEach((t) => {
      t.stop("stop");
    });
    await Promise.all([again.done, ...tickets.map((t) => t.done)]);
  });
});

describe.skipIf(skipReason !== undefined)("the supervisor's share of slots across clients", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ CONCURRENT_RUNS: 8, RUNS_PER_CLIENT: 16, RUNS_PER_TAB: 2 }) });
  });
  afterAll(async () => supervisor?.close());

  it("starts a second address's run before the first address's ninth, once one of its eight ends", async () => {
    const started: string[] = [];
    const submit = (runId: string, client: string, tab: string, source: string) =>
      supervisor.submit({ runId, client, tab, files: { "main.js": source } }, (batch) =>
        batch.forEach((e) => {
          e.type === "run/start" && started.push(runId);
        }),
      );
    const long = "setInterval(() => {}, 1000);";
    // One address, many tabs: with nobody else waiting it may fill every slot.
    const held: RunTicket[] = [];
    for (let i = 1; i <= 8; i++) held.push(await submit(`a${i}`, "a", `tab${i}`, long));
    expect(supervisor.runningCount).toBe(8);
    const ninth = await submit("a9", "a", "tab9", "1;");
    const other = await submit("b1", "b", "b-tab", "1;");
    expect(supervisor.queuedCount).toBe(2);
    held[0].stop("stop");
    await other.done;
    held.slice(1).forEach((t) => {
      t.stop("stop");
    });
    await Promise.all([ninth.done, ...held.map((t) => t.done)]);
    // a1–a8, then b1 in the slot a1 left (a holds 7 of 8, more than its half), and a9 only after.
    expect(started).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "b1", "a9"]);
  });
});
