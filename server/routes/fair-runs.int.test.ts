import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listeningApp } from "../test/helpers.js";
import { WsProbe } from "../test/ws-client.js";

const FOREVER = "setInterval(() => {}, 1000);";
const QUICK = "console.log('hi');";

// Two servers: the caps need runs that outlast the test however slow the machine is (the client time limit as
// shipped), the time limits need a short one.
let baseUrl: string;
let shortUrl: string;
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  const limits = { CONCURRENT_RUNS: 4, RUNS_PER_CLIENT: 3, RUNS_PER_TAB: 2, WARM_POOL_SIZE: 1 };
  const [fair, short] = await Promise.all([listeningApp({}, limits), listeningApp({}, { ...limits, RUN_WALL_CLIENT_MAX_MS: 1_500 })]);
  ({ baseUrl } = fair);
  shortUrl = short.baseUrl;
  cleanups.push(fair.cleanup, short.cleanup);
});
afterAll(() => Promise.all(cleanups.map((c) => c())));

const start = (probe: WsProbe, runId: string, source: string, timeoutMs?: number) =>
  probe.send({ type: "run/start", payload: { files: { "main.js": source }, ...(timeoutMs ? { timeoutMs } : {}) }, meta: { runId } });

describe("runs from many clients", () => {
  it("one client starting 45 long runs gets 2 and a sentence for the rest; another client's run still goes ahead", async () => {
    const hog = await WsProbe.connect(baseUrl, "/api/runs", "198.51.100.1");
    for (let i = 0; i < 45; i++) start(hog, `hog-${i}`, FOREVER, 30 * 60_000);
    await hog.until(() => (hog.messages.filter((m) => m.type === "error").length === 43 ? true : undefined));
    const refusals = hog.messages.filter((m) => m.type === "error");
    expect(refusals[0].type === "error" && refusals[0].payload.message).toBe("You already have 2 runs going; stop one or wait for it to finish.");
    expect(refusals.map((m) => m.meta.runId)).toEqual(Array.from({ length: 43 }, (_, i) => `hog-${i + 2}`));

    const student = await WsProbe.connect(baseUrl, "/api/runs", "198.51.100.2");
    start(student, "student-1", QUICK);
    expect((await student.exitOf("student-1")).reason).toBe("ok");
    expect(student.messages.some((m) => m.type === "error")).toBe(false);

    // A classmate behind the same address, in a tab of their own, still runs: tabs are counted apart.
    const classmate = await WsProbe.connect(baseUrl, "/api/runs", "198.51.100.1");
    start(classmate, "classmate-1", FOREVER, 30 * 60_000);
    await classmate.until(() => classmate.events("classmate-1").find((e) => e.type === "run/start"));
    start(classmate, "classmate-2", QUICK);
    expect(await classmate.errorFor("classmate-2")).toMatch(/^Your network address already has 3 runs going/);
    classmate.send({ type: "run/stop", payload: {}, meta: { runId: "classmate-1" } });
    await classmate.exitOf("classmate-1");
    classmate.ws.close();

    hog.send({ type: "run/stop", payload: {}, meta: { runId: "hog-0" } });
    await hog.exitOf("hog-0");
    start(hog, "hog-again", QUICK);
    expect((await hog.exitOf("hog-again")).reason).toBe("ok");
    hog.ws.close();
    student.ws.close();
  });

  it("holds an ordinary client to the client time limit and gives a presenter the longer one", async () => {
    const learner = await WsProbe.connect(shortUrl, "/api/runs", "198.51.100.3");
    start(learner, "long-ask", FOREVER, 3_000);
    const ordinary = await learner.exitOf("long-ask");
    expect(ordinary.reason).toBe("timeout");
    expect(ordinary.message).toMatch(/still running after 1\.5 s, the time limit/);
    const told = learner.events("long-ask").find((e) => e.type === "diagnostic" && e.code === "time-limit-shortened");
    expect(told?.type === "diagnostic" && told.message).toBe(
      "This run asked for 3 s; it may run for 1.5 s on this server. The presenter of a classroom session may run up to 30 min: start a class to run a longer demo.",
    );

    const presenter = await WsProbe.connect(shortUrl, "/api/runs", "198.51.100.4");
    presenter.send({ type: "session/open", payload: {}, meta: {} });
    await presenter.until(() => presenter.messages.find((m) => m.type === "session/opened"));
    start(presenter, "demo", FOREVER, 3_000);
    const demo = await presenter.exitOf("demo");
    expect(demo.reason).toBe("timeout");
    expect(demo.message).toMatch(/still running after 3 s, the time limit/);
    expect(presenter.events("demo").some((e) => e.type === "diagnostic" && e.code === "time-limit-shortened")).toBe(false);
    learner.ws.close();
    presenter.ws.close();
  });
});
