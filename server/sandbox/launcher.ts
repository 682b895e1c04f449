import { join } from "node:path";
import { REPO_ROOT } from "../paths.js";
import type { RunnerBundle } from "./runner-bundle.js";
import type { CgroupHost } from "./cgroups.js";
import type { RunCgroup } from "./run-cgroup.js";
import type { IsolationDriver, LaunchSpec } from "./drivers/index.js";
import type { UidBlock } from "./drivers/slot-user.js";
import type { Limits } from "./limits.js";
import { RunnerProcess } from "./runner-process.js";

const APP_ROOT = REPO_ROOT;
const NODE_MODULES = join(APP_ROOT, "node_modules");
/**
 * The packages the runner bundle loads at run time (zeromq is external to the bundle; cmake-ts loads its addon).
 * Only these are visible in the sandbox, not the whole node_modules. Keep in step with server/runner/build.ts.
 */
export const RUNTIME_PACKAGES = ["zeromq", "cmake-ts"];

/** Starts one runner process for a pool slot: the node command line, the paths it may read, and its cgroup. */
export function makeLauncher(driver: IsolationDriver, bundle: RunnerBundle, limits: Limits, cgroups: CgroupHost | undefined, uids: UidBlock | undefined) {
  const spec = (slot: number): LaunchSpec => ({
    node: process.execPath,
    nodeArgs: ["--enable-source-maps", `--max-old-space-size=${limits.V8_HEAP_MB}`, "--import", bundle.register, bundle.runner],
    readOnlyPaths: [bundle.dir, ...RUNTIME_PACKAGES.map((p) => join(NODE_MODULES, p))],
    appRoot: APP_ROOT,
    limits,
    slot,
    uid: uids?.uidFor(slot),
  });
  return (slot: number): RunnerProcess => {
    return new RunnerProcess(driver, spec(slot), runCgroup(cgroups, limits));
  };
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
