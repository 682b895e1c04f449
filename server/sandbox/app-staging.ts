import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, readlinkSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

/** Where staged copies live: a neutral name, so nothing a run can read (mountinfo, bwrap's argv) shows the checkout. */
const STAGING_ROOT = join(tmpdir(), `zmq-workbench-${process.getuid?.() ?? "user"}`);

export interface StagedApp {
  /** The staging folder: what the sandbox binds under its fixed /app. */
  root: string;
  /** Each source folder's place inside `root`, by source path. */
  paths: Map<string, string>;
}

/**
 * Links (or copies, across file systems) the folders a run needs (the runner bundle, the zeromq packages) into
 * one folder whose path says nothing about the host: bwrap shows a bind's host source in /proc/self/mountinfo and
 * its own argv in /proc/1/cmdline, so binding them from the checkout would tell every run where it lives. One
 * staging per set of sources, shared by servers, made aside and renamed into place.
 */
export function stageApp(sources: { from: string; as: string }[]): StagedApp {
  const hash = createHash("sha256");
  for (const { from, as } of sources) hash.update(`${from}\0${as}\0${statSync(from).mtimeMs}\0`);
  const root = join(STAGING_ROOT, `app-${hash.digest("hex").slice(0, 16)}`);
  const paths = new Map(sources.map(({ from, as }) => [from, join(root, as)]));
  if (existsSync(root)) return { root, paths };
  mkdirSync(STAGING_ROOT, { recursive: true, mode: 0o755 });
  const scratch = `${root}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  for (const { from, as } of sources) mirror(from, join(scratch, as));
  try {
    renameSync(scratch, root);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another server staged the same sources first
  }
  return { root, paths };
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
