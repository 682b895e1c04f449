import type { Limits } from "../limits.js";

export const PRLIMIT = "/usr/bin/prlimit";
/**
 * The CPU hard limit sits this far above the soft one: at the soft limit the kernel sends SIGXCPU, which the verdict
 * names; with the two equal it sends SIGKILL at once, which reads as an unexplained crash.
 */
const CPU_HARD_MARGIN_S = 5;

/** RLIMIT_NPROC over the cgroup's pids.max, when there is one: a backstop that never trips first. */
const NPROC_OVER_CGROUP = 2;

/**
 * prlimit arguments for the per-process limits every driver applies. `ownUid` says the run has a uid of its own:
 * only then may RLIMIT_NPROC be set, since it counts every process of the uid, the server's included. `inCgroup`:
 * the run's cgroup limits memory and tasks (LaunchSpec.inCgroup).
 */
export function prlimitArgs(limits: Limits, ownUid: boolean, inCgroup = false): string[] {
  const nproc = inCgroup ? limits.PROCESSES * NPROC_OVER_CGROUP : limits.PROCESSES;
  return [
    ...(inCgroup ? [] : [`--as=${limits.ADDRESS_SPACE_BYTES}`]),
    `--cpu=${limits.RUN_CPU_S}:${limits.RUN_CPU_S + CPU_HARD_MARGIN_S}`,
    `--nofile=${limits.OPEN_FILES}`,
    `--fsize=${limits.FILE_WRITE_BYTES}`,
    "--core=0",
    ...(ownUid ? [`--nproc=${nproc}`] : []),
  ];
}
