import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { CgroupLimits } from "./cgroups.js";

export interface CgroupDir {
  controller: "memory" | "pids" | "cpu" | "unified";
  path: string;
}

/** What the cgroup saw of a run, read after it ended. */
export interface CgroupUsage {
  /** Processes the kernel OOM killer ended because the run reached its memory limit. */
  oomKills: number;
  /** Forks or thread starts refused because the run reached its task limit. */
  pidsRefused: number;
}

/**
 * Joins the cgroup before anything of the run exists: the shell writes its own pid into each cgroup.procs and then
 * execs the launch command, so every process and thread the run ever makes is born inside (no race with a fork).
 * Exit status 125 means the cgroup could not be joined.
 */
const JOIN_SCRIPT = 'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n-1)); done; exec "$@"';
const SHELL = "/bin/sh";
const KILL_ROUNDS = 50;
const KILL_ROUND_PAUSE_MS = 10;

/** The cgroup (one per hierarchy) of one run: limits, the join wrapper, usage, kill-everything, removal. */
export class RunCgroup {
  constructor(
    readonly version: 1 | 2,
    readonly name: string,
    private readonly dirs: CgroupDir[],
  ) {}

  make(limits: CgroupLimits): void {
    for (const dir of this.dirs) {
      mkdirSync(dir.path);
      // A run's cpu cgroup has no limit of its own: the weight of all runs together is set once on their parent.
      if (dir.controller === "memory" || dir.controller === "unified") this.writeMemoryLimit(dir.path, limits.memoryBytes);
      if (dir.controller === "pids" || dir.controller === "unified") writeFileSync(join(dir.path, "pids.max"), String(limits.pids));
    }
  }

  /** The command that runs `file args` inside this cgroup. */
  wrap(file: string, args: string[]): { file: string; args: string[] } {
    const procs = this.dirs.map((d) => join(d.path, "cgroup.procs"));
    return { file: SHELL, args: ["-c", JOIN_SCRIPT, "cgroup-join", String(procs.length), ...procs, file, ...args] };
  }

  usage(): CgroupUsage {
    let oomKills = 0;
    let pidsRefused = 0;
    for (const dir of this.dirs) {
      if (dir.controller === "memory" || dir.controller === "unified") {
        const file = this.version === 1 ? "memory.oom_control" : "memory.events";
        oomKills += counter(readOr(join(dir.path, file)), "oom_kill");
      }
      if (dir.controller === "pids" || dir.controller === "unified") pidsRefused += counter(readOr(join(dir.path, "pids.events")), "max");
    }
    return { oomKills, pidsRefused };
  }

  /** True while any process of the run is alive (detached and double-forked ones included). */
  hasProcesses(): boolean {
    return this.pids().length > 0;
  }

  /** SIGKILLs every process in the cgroup, again until none is left (a process may fork while being killed). */
  async killAll(): Promise<void> {
    const killFile = this.version === 2 ? join(this.dirs[0].path, "cgroup.kill") : undefined;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const pids = this.pids();
      if (pids.length === 0) return;
      if (killFile && existsSync(killFile)) writeFileSync(killFile, "1");
      else for (const pid of pids) killQuietly(pid);
      await sleep(KILL_ROUND_PAUSE_MS);
    }
  }

  /** Kills what is left and removes the cgroup directories. Never throws: a leftover directory is only untidy. */
  async dispose(): Promise<void> {
    await this.killAll();
    for (let round = 0; round < KILL_ROUNDS && !this.removeNow(); round++) await sleep(KILL_ROUND_PAUSE_MS);
  }

  /** Removes the directories now; false when one is still busy. */
  removeNow(): boolean {
    let removed = true;
    for (const dir of this.dirs) {
      try {
        rmdirSync(dir.path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") removed = false;
      }
    }
    return removed;
  }

  private writeMemoryLimit(path: string, bytes: number): void {
    if (this.version === 2) {
      writeFileSync(join(path, "memory.max"), String(bytes));
      // Without this the kernel would swap the run out instead of ending it at the limit.
      if (existsSync(join(path, "memory.swap.max"))) writeFileSync(join(path, "memory.swap.max"), "0");
      return;
    }
    writeFileSync(join(path, "memory.limit_in_bytes"), String(bytes));
    const memsw = join(path, "memory.memsw.limit_in_bytes");
    if (existsSync(memsw)) writeFileSync(memsw, String(bytes));
  }

  private pids(): number[] {
    const all = new Set<number>();
    for (const dir of this.dirs) {
      for (const line of readOr(join(dir.path, "cgroup.procs")).split("\n")) if (line) all.add(Number(line));
    }
    return [...all];
  }
}

function counter(text: string, key: string): number {
  const match = new RegExp(`^${key} (\\d+)$`, "m").exec(text);
  return match ? Number(match[1]) : 0;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
