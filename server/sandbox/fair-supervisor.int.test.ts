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
