import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { defaultEntry } from "../../protocol/files.js";

/** What one run of a program did, in the terms both runs can report: its output and its sockets' totals by kind. */
export interface RunSummary {
  stdout: string;
  /** 0 for a normal end. */
  exitCode: number | null;
  /** Socket kinds, sorted, one entry per socket opened. */
  kinds: string[];
  /** Messages sent and received per socket kind, summed over that kind's sockets. */
  totals: Record<string, { sent: number; received: number }>;
}

export interface CompatCase {
  name: string;
  files: Record<string, string>;
  entry: string;
}

/** Generous: on a loaded 2-core machine a worker thread has taken 3 s to start. Raw and sandboxed get the same. */
export const CASE_WALL_MS = 30_000;

export const PROGRAMS_DIR = join(import.meta.dirname, "programs");

/** Every folder under programs/ is one case: its files, the entry chosen as the workbench chooses it. */
export function loadCases(): CompatCase[] {
  return readdirSync(PROGRAMS_DIR)
    .sort()
    .map((name) => {
      const dir = join(PROGRAMS_DIR, name);
      const files: Record<string, string> = {};
      for (const path of listFiles(dir)) files[relative(dir, path)] = readFileSync(path, "utf8");
      return { name, files, entry: defaultEntry({ files }) };
    });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export function summarize(stdout: string, exitCode: number | null, sockets: { kind: string; sent: number; received: number }[]): RunSummary {
  const totals: RunSummary["totals"] = {};
  for (const { kind, sent, received } of sockets) {
    totals[kind] ??= { sent: 0, received: 0 };
    const t = totals[kind];
    t.sent += sent;
    t.received += received;
  }
  return { stdout, exitCode, kinds: sockets.map((s) => s.kind).sort(), totals };
}
