import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { isAlive } from "./process-alive.js";

/** Where staged copies live: a neutral name, so nothing a run can read (mountinfo, bwrap's argv) shows the checkout. */
export const STAGING_ROOT = join(tmpdir(), `zmq-workbench-${process.getuid?.() ?? "user"}`);
/** A server's staging: `app-<pid>-<random>`, so a later server can tell whether the one that made it is gone. */
const OWN_STAGING = /^app-(\d+)-[a-z0-9]+$/;

export interface StagedApp {
  /** The staging folder: what the sandbox binds under its fixed /app. */
  root: string;
  /** Each source folder's place inside `root`, by source path. */
  paths: Map<string, string>;
  /** Removes the staging (when the server closes; also on its process's exit, should it end without closing). */
  remove(): void;
}

/**
 * Links (or copies, across file systems) the folders a run needs (the runner bundle, the zeromq packages) into
 * one folder whose path says nothing about the host: bwrap shows a bind's host source in /proc/self/mountinfo and
 * its own argv in /proc/1/cmdline, so binding them from the checkout would tell every run where it lives. Each
 * server stages its own (hard links: a few hundred, in milliseconds) and removes it when it ends, so no other
 * server's cleanup can pull one away from under its runs.
 */
export function stageApp(sources: { from: string; as: string }[], stagingRoot = STAGING_ROOT): StagedApp {
  mkdirSync(stagingRoot, { recursive: true, mode: 0o755 });
  const root = join(stagingRoot, `app-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  const paths = new Map(sources.map(({ from, as }) => [from, join(root, as)]));
  const removeNow = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", removeNow);
  try {
    for (const { from, as } of sources) mirror(from, join(root, as));
  } catch (err) {
    removeNow();
    process.off("exit", removeNow);
    throw err;
  }
  return {
    root,
    paths,
    remove: () => {
      process.off("exit", removeNow);
      removeNow();
    },
  };
}

/**
 * Removes stagings a crashed or killed server left behind: only `app-<pid>-…` folders owned by this user, not
 * touched for `staleMs`, whose process is gone. Older servers' shared `app-<hash>` folders carry no pid and are
 * never touched: one may be in use for days by a server still running, and age cannot tell.
 * Returns the names removed.
 */
export function pruneStaleStagings(staleMs: number, stagingRoot = STAGING_ROOT, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(stagingRoot);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = OWN_STAGING.exec(name)?.[1];
    if (pid === undefined) continue;
    const path = join(stagingRoot, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() || stat.uid !== process.getuid?.() || now - stat.mtimeMs < staleMs || isAlive(Number(pid))) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Removed by another server meanwhile, or not ours to remove.
    }
  }
  return removed;
}

function mirror(from: string, to: string): void {
  const stat = lstatSync(from);
  mkdirSync(dirname(to), { recursive: true, mode: 0o755 });
  if (stat.isSymbolicLink()) return symlinkSync(readlinkSync(from), to);
  if (!stat.isDirectory()) return linkOrCopy(from, to);
  mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const name of readdirSync(from)) mirror(join(from, name), join(to, basename(name)));
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
