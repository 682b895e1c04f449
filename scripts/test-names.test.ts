import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../server/paths.js";

/** What starts a real process (a sandbox, a runner, a server, a service, a browser): only integration tests may. */
const STARTS_PROCESSES =
  /run-program|Supervisor|testApp|listeningApp|buildRunner|child_process|runProgram|test\/services|node-process|injectWS|ws-client|from "zeromq"/;

describe("test names", () => {
  it("a test that starts real processes is named *.int.test.ts, so npm run test:fast leaves it out", () => {
    const tests = execFileSync("git", ["ls-files", "*.test.ts"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
    const misnamed = tests.filter(
      (f) => !f.endsWith(".int.test.ts") && f !== "scripts/test-names.test.ts" && STARTS_PROCESSES.test(readFileSync(join(REPO_ROOT, f), "utf8")),
    );
    expect(misnamed).toEqual([]);
    expect(tests.filter((f) => f.endsWith(".int.test.ts")).length).toBeGreaterThan(20);
  });
});
