import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { delay, processIsAlive } from "./test-support.js";

const PROGRAM = fileURLToPath(new URL("./fixtures/daemon-program.ts", import.meta.url));
/** Generous: a cold `node --import tsx` start plus a worker and a child on a busy 2-core machine. */
const EXIT_WITHIN_MS = 15_000;

interface Run {
  childPid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(): void;
}

async function runProgram(mode: string): Promise<Run> {
  const program = spawn(process.execPath, ["--import", "tsx", PROGRAM, mode], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  program.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    program.once("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    program.stdout.once("data", (chunk) => resolve(String(chunk)));
    void exited.then((r) => reject(new Error(`program ended early (${r.code}): ${r.stderr}`)));
  });
  return { childPid: (JSON.parse(firstLine) as { childPid: number }).childPid, exited, kill: () => program.kill("SIGTERM") };
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && processIsAlive(pid); i++) await delay(100);
  return !processIsAlive(pid);
}

describe("background devices and the end of a program", () => {
  it("daemon devices (the default) let the program end cleanly, leaving no process behind", async () => {
    const run = await runProgram("daemon");
    const result = await Promise.race([run.exited, delay(EXIT_WITHIN_MS).then(() => "still running" as const)]);
    if (result === "still running") run.kill();
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(await gone(run.childPid)).toBe(true);
  }, 30_000);

  it("process.exit() with daemon devices running neither aborts nor orphans the device process", async () => {
    const run = await runProgram("process-exit");
    const result = await Promise.race([run.exited, delay(EXIT_WITHIN_MS).then(() => "still running" as const)]);
    if (result === "still running") run.kill();
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(await gone(run.childPid)).toBe(true);
  }, 30_000);

  it("non-daemon devices keep the program running; killing it still ends the device process", async () => {
    const run = await runProgram("non-daemon");
    const result = await Promise.race([run.exited, delay(1_500).then(() => "still running" as const)]);
    expect(result).toBe("still running");
    run.kill();
    await run.exited;
    expect(await gone(run.childPid)).toBe(true);
  }, 30_000);
});
