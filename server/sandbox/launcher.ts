import { join } from "node:path";
import { REPO_ROOT } from "../paths.js";
import type { RunnerBundle } from "./runner-bundle.js";
import type { CgroupHost } from "./cgroups.js";
import type { RunCgroup } from "./run-cgroup.js";
import type { IsolationDriver, LaunchSpec } from "./drivers/index.js";
import type { UidBlock } from "./drivers/slot-user.js";
import type { Limits } from "./limits.js";
import { RunnerProcess } from "./runner-process.js";
import { stageApp, type StagedApp } from "./app-staging.js";
import { HOSTS_FILE } from "./drivers/bwrap.js";

const APP_ROOT = REPO_ROOT;
const NODE_MODULES = join(APP_ROOT, "node_modules");
/**
 * The packages the runner bundle loads at run time (zeromq is external to the bundle; cmake-ts loads its addon).
 * Only these are visible in the sandbox, not the whole node_modules. Keep in step with server/runner/build.ts.
 */
export const RUNTIME_PACKAGES = ["zeromq", "cmake-ts"];

const MIB = 1024 * 1024;
/**
 * An address no interface of a run has (TEST-NET-1): SIGUSR1 (or process._debugProcess) would otherwise open the
 * inspector on the run's loopback, and the program could read the runner's memory through it, the channel key too.
 */
const UNBINDABLE_INSPECTOR_PORT = "--inspect-port=192.0.2.1:9229";

/**
 * Starts one runner process for a pool slot: the node command line, the paths it may read, and its cgroup.
 * `staged` is the app folder its runs bind, for the supervisor to remove when it closes.
 */
export function makeLauncher(
  driver: IsolationDriver,
  bundle: RunnerBundle,
  limits: Limits,
  cgroups: CgroupHost | undefined,
  uids: UidBlock | undefined,
): { launch: (slot: number) => RunnerProcess; staged: StagedApp } {
  const staged = stageApp([
    { from: bundle.dir, as: "runner" },
    ...RUNTIME_PACKAGES.map((p) => ({ from: join(NODE_MODULES, p), as: join("node_modules", p) })),
    { from: HOSTS_FILE, as: "hosts" },
  ]);
  const runnerDir = staged.paths.get(bundle.dir)!;
  const hostsFile = staged.paths.get(HOSTS_FILE)!;
  const spec = (slot: number, inCgroup: boolean): LaunchSpec => ({
    node: process.execPath,
    nodeArgs: [
      "--enable-source-maps",
      `--max-old-space-size=${heapMb(limits, inCgroup)}`,
      UNBINDABLE_INSPECTOR_PORT,
      "--import",
      join(runnerDir, "register.mjs"),
      join(runnerDir, "runner.mjs"),
    ],
    readOnlyPaths: [...staged.paths.values()].filter((path) => path !== hostsFile),
    hostsFile,
    appRoot: staged.root,
    limits,
    slot,
    uid: uids?.uidFor(slot),
    inCgroup,
  });
  const launch = (slot: number): RunnerProcess => {
    const cgroup = runCgroup(cgroups, limits);
    return new RunnerProcess(driver, spec(slot, cgroup !== undefined), cgroup);
  };
  return { launch, staged };
}

/**
 * In a memory cgroup the cgroup is the memory limit, and the V8 heap may grow past it: a heap bomb then ends by the
 * cgroup's OOM kill, which the supervisor counts itself, instead of an abort that could mean anything.
 */
function heapMb(limits: Limits, inCgroup: boolean): number {
  return inCgroup ? Math.max(limits.V8_HEAP_MB, Math.ceil((2 * limits.CGROUP_MEMORY_BYTES) / MIB)) : limits.V8_HEAP_MB;
}

/** A cgroup for one run; without one (a transient failure) the run still has its driver's and prlimit's limits. */
function runCgroup(cgroups: CgroupHost | undefined, limits: Limits): RunCgroup | undefined {
  try {
    return cgroups?.create({ memoryBytes: limits.CGROUP_MEMORY_BYTES, pids: limits.PROCESSES });
  } catch (err) {
    console.error(`sandbox: could not make a cgroup for a run, running without one: ${(err as Error).message}`);
    return undefined;
  }
}
