import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IsolationDriver, LaunchSpec, LaunchCommand } from "./types.js";
import { PRLIMIT, prlimitArgs } from "./prlimit.js";
import { dropToUser } from "./slot-user.js";

/**
 * Process limits only: the program sees the host file system and network as its user does. As root it still runs
 * under a uid of its own, so it cannot read root-only files, write the app, or signal the server. For trusted use.
 */
export const noneDriver: IsolationDriver = {
  name: "none",
  isolates: false,
  async unavailableReason() {
    return null;
  },
  launch(spec: LaunchSpec): LaunchCommand {
    const cwd = mkdtempSync(join(tmpdir(), "zmq-wb-run-"));
    if (spec.uid !== undefined) chownSync(cwd, spec.uid, spec.uid);
    return {
      file: PRLIMIT,
      args: [...prlimitArgs(spec.limits, spec.uid !== undefined, spec.inCgroup), "--", ...dropToUser(spec.uid), spec.node, ...spec.nodeArgs],
      cwd,
      env: { PATH: "/usr/bin:/bin", HOME: cwd, LANG: "C.UTF-8" },
      cleanup: () => rmSync(cwd, { recursive: true, force: true }),
    };
  },
};
