import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { CASE_WALL_MS, summarize, type CompatCase, type RunSummary } from "./compat-case.js";

const REPO_NODE_MODULES = join(import.meta.dirname, "..", "..", "node_modules");
const COUNTER = join(import.meta.dirname, "count-sockets.cjs");

/**
 * Runs a case as a learner would without the workbench: plain `node <entry>` in a fresh folder whose node_modules
 * is the real one (real zeromq), with a preload that only counts each thread's sockets and messages.
 */
export async function runRaw(test: CompatCase): Promise<RunSummary & { stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), `compat-raw-${test.name}-`));
  try {
    for (const [name, text] of Object.entries(test.files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    symlinkSync(REPO_NODE_MODULES, join(dir, "node_modules"));
    const countsFile = join(dir, "counts.ndjson");
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      execFile(
        process.execPath,
        ["--require", COUNTER, test.entry],
        {
          cwd: dir,
          timeout: CASE_WALL_MS,
          killSignal: "SIGKILL",
          env: { PATH: process.env.PATH ?? "/usr/bin", HOME: dir, LANG: "C.UTF-8", COMPAT_COUNTS_FILE: countsFile },
        },
        (err, out, errOut) => resolve({ stdout: out, stderr: errOut, code: err ? (((err as { code?: unknown }).code as number | null) ?? null) : 0 }),
      );
    });
    const threads = existsSync(countsFile) ? readFileSync(countsFile, "utf8").trim().split("\n").filter(Boolean) : [];
    const sockets = threads.flatMap((line) => (JSON.parse(line) as { sockets: { kind: string; sent: number; received: number }[] }).sockets);
    return { ...summarize(stdout, typeof code === "number" ? code : null, sockets), stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
