import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IsolationDriver, LaunchSpec, LaunchCommand } from "./types.js";
import { PRLIMIT, prlimitArgs } from "./prlimit.js";

/** Process limits only: the program can read the host file system and reach the network. For trusted local use. */
export const noneDriver: IsolationDriver = {
  name: "none",
  isolates: false,
  async unavailableReason() {
    return null;
  },
  launch(spec: LaunchSpec): LaunchCommand {
    const cwd = mkdtempSync(join(tmpdir(), "zmq-wb-run-"));
    return {
      file: PRLIMIT,
      args: [...prlimitArgs(spec.limits), "--", spec.node, ...spec.nodeArgs],
      cwd,
      env: { PATH: "/usr/bin:/bin", HOME: cwd, LANG: "C.UTF-8" },
      cleanup: () => rmSync(cwd, { recursive: true, force: true }),
    };
  },
};
