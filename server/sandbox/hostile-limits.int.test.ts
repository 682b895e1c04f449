import { spawn } from "node:child_process";
import { mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/trace.js";
import { REPO_ROOT } from "../paths.js";
import { Supervisor } from "./supervisor.js";
import * as hostile from "./test/hostile-telemetry-programs.js";
import { bwrapSkipReason, printed, runProgram, testLimits, waitFor } from "./test/run-program.js";

const skipReason = await bwrapSkipReason();
const INHERITED_FD = 40;
/** Several runs, or a whole CLI start, on a shared 2-core machine. */
const HEAVY_TEST_MS = 120_000;

/** Runs `file` with the CLI, the way a server started as `npm start 40<secret` would: fd 40 open and inheritable. */
function cliWithOpenDescriptor(file: string, secretPath: string): Promise<TraceEvent[]> {
  const secret = openSync(secretPath, "r");
  const stdio = ["ignore", "pipe", "inherit", ...Array<"ignore">(INHERITED_FD - 3).fill("ignore"), secret] as const;
  const child = spawn(process.execPath, [join(REPO_ROOT, "bin/zmq-workbench.mjs"), "run", file, "--json"], { cwd: REPO_ROOT, stdio: [...stdio] });
  let out = "";
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) =>
    child.on("close", () =>
      resolve(
        out
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as TraceEvent),
      ),
    ),
  );
}

// The limits whose verdicts used to depend on timing or on what the program said, and what a run can see of the host.
describe.skipIf(skipReason !== undefined)("limits that name themselves, in the bwrap sandbox", () => {
  let supervisor: Supervisor;
  beforeAll(async () => {
    supervisor = await Supervisor.create({ driver: "bwrap", limits: testLimits({ RUN_WALL_MS: 20_000 }) });
  });
  afterAll(async () => {
    await supervisor?.close();
  });

  it(
    "ends 1,000-character lines in a tight loop as limit/output, every time, with no socket advice",
    async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const { exit } = await runProgram(supervisor, hostile.longLineFlood, { timeoutMs: 20_000 });
        expect(exit).toMatchObject({ reason: "limit", limit: "output" });
        expect(exit.message).not.toMatch(/socket/i);
      }
    },
    HEAVY_TEST_MS,
  );

  it("names the process limit when the cgroup refuses spawns (not a bare exit code)", async () => {
    const outcome = await runProgram(supervisor, hostile.hundredSpawns);
    expect(printed<{ refused: number }>(outcome).refused).toBeGreaterThan(0);
    expect(outcome.exit).toMatchObject({ reason: "limit", limit: "processes" });
  });

  it("names the process limit when libzmq aborts because it cannot start another context's threads", async () => {
    const { exit, stdout } = await runProgram(supervisor, hostile.manyContexts);
    expect(stdout).not.toContain("all contexts started");
    expect(exit).toMatchObject({ reason: "limit", limit: "processes" });
  });

  it("runs WebAssembly within the memory cgroup", async () => {
    const outcome = await runProgram(supervisor, hostile.webAssembly);
    expect(outcome.exit.reason).toBe("ok");
    expect(printed<{ bytes: number; instance: string }>(outcome)).toEqual({ bytes: 32 * 64 * 1024, instance: "object" });
  });

  it("refuses 200 control messages of 1 MB to a program that does not read them, and says so", async () => {
    const huge = "x".repeat(1024 * 1024);
    const outcome = await runProgram(supervisor, hostile.ignoresControl, {
      timeoutMs: 4_000,
      onTicket: (ticket, events) => {
        const started = () => events.some((e) => e.type === "console" && e.text.includes("waiting"));
        void waitFor(started, 20_000).then(() => {
          for (let i = 0; i < 200; i++) ticket.control({ huge });
        });
      },
    });
    const dropped = outcome.events.find((e) => e.type === "diagnostic" && e.code === "control-dropped");
    expect(dropped).toMatchObject({ message: expect.stringMatching(/^200 control messages were not delivered/) });
  });

  it(
    "starts runs with no descriptor the server inherited above the channel",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "zmq-wb-fd-"));
      writeFileSync(join(dir, "secret.txt"), "inherited-secret", { mode: 0o600 });
      writeFileSync(join(dir, "main.js"), hostile.hostFacts);
      const events = await cliWithOpenDescriptor(join(dir, "main.js"), join(dir, "secret.txt"));
      const text = events
        .filter((e) => e.type === "console" && e.stream === "stdout")
        .map((e) => (e as { text: string }).text)
        .join("");
      const facts = JSON.parse(text) as { fds: number[]; fd40: { ok: boolean } };
      expect(facts.fd40.ok).toBe(false);
      expect(facts.fds).not.toContain(INHERITED_FD);
      expect(JSON.stringify(events)).not.toContain("inherited-secret");
    },
    HEAVY_TEST_MS,
  );

  it("shows no host path of the checkout in /proc/1/cmdline or /proc/self/mountinfo", async () => {
    const outcome = await runProgram(supervisor, hostile.hostFacts);
    const facts = printed<{ cmdline: { ok: boolean; text: string }; mountinfo: { ok: boolean; text: string } }>(outcome);
    expect(facts.cmdline.ok && facts.mountinfo.ok).toBe(true);
    expect(facts.mountinfo.text).toContain(" /app/runner ");
    for (const text of [facts.cmdline.text, facts.mountinfo.text]) expect(text).not.toContain(REPO_ROOT);
  });
});
