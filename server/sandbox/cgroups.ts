import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RunCgroup, type CgroupDir } from "./run-cgroup.js";
import { isAlive } from "./process-alive.js";

/** The parent cgroup every run's cgroup is made in, under the server's own cgroup. */
const PARENT_NAME = "zmq-workbench";
const PROBE_NAME = `probe-${process.pid}`;
/**
 * The CPU weight of all runs together: that of one ordinary session (1024 in v1, 100 in v2). Each sandbox starts a
 * session of its own, and with the kernel's autogroup scheduling each session weighs as much as the server's: a
 * dozen busy sandboxes left the server a thirteenth of a contested core. Grouped, they weigh as one, so the
 * server keeps answering; against other busy programs on the machine (a browser) runs still get a fair share.
 */
const RUNS_CPU_SHARES_V1 = 1024;
const RUNS_CPU_WEIGHT_V2 = 100;

export interface CgroupLimits {
  memoryBytes: number;
  pids: number;
}

/**
 * Where this host lets the server make per-run cgroups: the v1 memory and pids hierarchies, or one v2 tree with
 * both controllers delegated. Found once at start-up; a host that allows neither runs without cgroups. Where the
 * cpu controller is writable too, all runs share one CPU weight (without it, each weighs as much as the server).
 */
/** Numbers runs' cgroups for the whole process: two supervisors in one process (tests start two apps) share the tree. */
let runSeq = 0;

export class CgroupHost {
  /** Use `detect`. `parents`: one directory per hierarchy a run joins (v1: memory and pids; v2: one). */
  constructor(
    readonly version: 1 | 2,
    private readonly parents: CgroupDir[],
  ) {}

  /**
   * The usable cgroup host, or the sentence that says why there is none. `root` and `selfCgroup` are parameters so
   * tests can point them at a fake tree.
   */
  static detect(root = "/sys/fs/cgroup", selfCgroup = readSelfCgroup()): CgroupHost | string {
    try {
      if (existsSync(join(root, "cgroup.controllers"))) return detectV2(root, selfCgroup);
      return detectV1(root, selfCgroup);
    } catch (err) {
      return `cgroups are not writable here: ${(err as Error).message}`;
    }
  }

  /** Makes the cgroup of one run and writes its limits. */
  create(limits: CgroupLimits): RunCgroup {
    const name = `run-${process.pid}-${++runSeq}`;
    const dirs = this.parents.map((p) => ({ ...p, path: join(p.path, name) }));
    const cgroup = new RunCgroup(this.version, name, dirs);
    cgroup.make(limits);
    return cgroup;
  }

  /** Removes run cgroups left behind by servers that died (their pid in the name is gone), killing what is in them. */
  async sweep(): Promise<void> {
    for (const parent of this.parents) {
      for (const name of safeReaddir(parent.path)) {
        const pid = /^run-(\d+)-\d+$/.exec(name)?.[1];
        if (!pid || Number(pid) === process.pid || isAlive(Number(pid))) continue;
        await new RunCgroup(this.version, name, [{ ...parent, path: join(parent.path, name) }]).dispose();
      }
    }
  }
}

function detectV1(root: string, selfCgroup: string): CgroupHost {
  const parents = (["memory", "pids"] as const).map((controller): CgroupDir => {
    const own = new RegExp(`^\\d+:(?:[^:]*,)?${controller}(?:,[^:]*)?:(.*)$`, "m").exec(selfCgroup)?.[1];
    if (own === undefined) throw new Error(`this process is in no v1 ${controller} cgroup`);
    const path = join(root, controller, own, PARENT_NAME);
    mkdirSync(path, { recursive: true });
    return { controller, path };
  });
  probe(1, parents);
  const cpu = v1CpuParent(root, selfCgroup);
  return new CgroupHost(1, cpu ? [...parents, cpu] : parents);
}

/** The v1 cpu hierarchy's parent for runs, weighted as one session; undefined where it is missing or not writable. */
function v1CpuParent(root: string, selfCgroup: string): CgroupDir | undefined {
  const own = /^\d+:(?:[^:]*,)?cpu(?:,[^:]*)?:(.*)$/m.exec(selfCgroup)?.[1];
  if (own === undefined || !existsSync(join(root, "cpu", own))) return undefined;
  const path = join(root, "cpu", own, PARENT_NAME);
  try {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, "cpu.shares"), String(RUNS_CPU_SHARES_V1));
    probe(1, [{ controller: "cpu", path }]);
    return { controller: "cpu", path };
  } catch {
    return undefined;
  }
}

function detectV2(root: string, selfCgroup: string): CgroupHost {
  const own = /^0::(.*)$/m.exec(selfCgroup)?.[1];
  if (own === undefined) throw new Error("this process is in no v2 cgroup");
  const base = join(root, own);
  const enabled = readFileSync(join(base, "cgroup.subtree_control"), "utf8");
  if (!/\bmemory\b/.test(enabled) || !/\bpids\b/.test(enabled)) {
    // Fails (EBUSY) when the server's cgroup holds processes and is not the root: then delegate to a leaf first.
    writeFileSync(join(base, "cgroup.subtree_control"), "+memory +pids");
  }
  const path = join(base, PARENT_NAME);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "cgroup.subtree_control"), "+memory +pids");
  weighV2(base, path);
  const parents: CgroupDir[] = [{ controller: "unified", path }];
  probe(2, parents);
  return new CgroupHost(2, parents);
}

/** Gives all runs together one v2 CPU weight, where the cpu controller can be delegated; else leaves it. */
function weighV2(base: string, path: string): void {
  try {
    if (!/\bcpu\b/.test(readFileSync(join(base, "cgroup.subtree_control"), "utf8"))) writeFileSync(join(base, "cgroup.subtree_control"), "+cpu");
    writeFileSync(join(path, "cpu.weight"), String(RUNS_CPU_WEIGHT_V2));
  } catch {
    // No cpu controller here: runs weigh as much as the server, as without cgroups.
  }
}

/** Makes and removes one cgroup with limits, so a host that lets us mkdir but not write limits is caught now. */
function probe(version: 1 | 2, parents: CgroupDir[]): void {
  const probe = new RunCgroup(
    version,
    PROBE_NAME,
    parents.map((p) => ({ ...p, path: join(p.path, PROBE_NAME) })),
  );
  try {
    probe.make({ memoryBytes: 64 * 1024 * 1024, pids: 16 });
  } finally {
    probe.removeNow();
  }
}

function readSelfCgroup(): string {
  try {
    return readFileSync("/proc/self/cgroup", "utf8");
  } catch {
    return "";
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
