import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Value } from "@sinclair/typebox/value";
import { TraceEvent } from "../../protocol/trace.js";
import { REPO_ROOT } from "../paths.js";

const root = REPO_ROOT;
const cli = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(root, "bin/zmq-workbench.mjs"), ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });

describe("zmq-workbench run", () => {
  it("prints the trace of a REQ/REP program as NDJSON ending with run/exit ok and per-socket totals", async () => {
    const { code, stdout } = await cli(["run", "examples/hello.ts", "--json"]);
    const events = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    for (const e of events) expect(Value.Check(TraceEvent, e), JSON.stringify(e)).toBe(true);
    const exit = events.at(-1);
    expect(exit).toMatchObject({ type: "run/exit", reason: "ok", code: 0 });
    const sockets = events.filter((e) => e.type === "socket/open").map((e) => e.socket);
    expect(Object.keys(exit.totals).sort()).toEqual(sockets.sort());
    expect(Object.values(exit.totals)).toEqual([
      { sent: 3, received: 3 },
      { sent: 3, received: 3 },
    ]);
    expect(code).toBe(0);
  });

  it("runs a multi-file program with --entry and exits non-zero when the program fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zmq-wb-cli-"));
    writeFileSync(join(dir, "start.ts"), 'import { fail } from "./lib";\nfail();');
    writeFileSync(join(dir, "lib.ts"), 'export function fail(): never { throw new Error("boom"); }');
    const { code, stdout } = await cli(["run", join(dir, "start.ts"), join(dir, "lib.ts"), "--entry", "start.ts", "--json"]);
    const exit = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(exit).toMatchObject({ type: "run/exit", reason: "error" });
    expect(exit.message).toMatch(/boom/);
    expect(code).toBe(1);
  });

  it("explains bad usage with exit status 2", async () => {
    const { code, stderr } = await cli(["run", "--timeout-ms", "soon", "examples/hello.ts"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--timeout-ms takes a positive whole number/);
    expect((await cli(["frobnicate"])).code).toBe(2);
  });
});
