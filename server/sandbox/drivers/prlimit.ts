import type { Limits } from "../limits.js";

/** prlimit arguments for the per-process limits every driver applies. */
export function prlimitArgs(limits: Limits): string[] {
  return [
    `--as=${limits.ADDRESS_SPACE_BYTES}`,
    `--cpu=${limits.RUN_CPU_S}`,
    `--nofile=${limits.OPEN_FILES}`,
    `--fsize=${limits.FILE_WRITE_BYTES}`,
    "--core=0",
  ];
}

export const PRLIMIT = "/usr/bin/prlimit";
