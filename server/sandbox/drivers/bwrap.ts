import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { IsolationDriver, LaunchSpec, LaunchCommand } from "./types.js";
import { PRLIMIT, prlimitArgs } from "./prlimit.js";

const run = promisify(execFile);
export const BWRAP = "/usr/bin/bwrap";
const SETPRIV = "/usr/bin/setpriv";
/** Pool slot n runs as uid/gid FIRST_SLOT_UID + n when the server runs as root, so runs cannot signal each other. */
const FIRST_SLOT_UID = 61_000;
const WORK_DIR = "/tmp/work";

/**
 * bubblewrap: private user/pid/net/ipc/uts namespaces, no capabilities, empty environment, only /usr and the
 * runner's own files visible, read-only. Never binds `/`: host Unix sockets under /run would stay reachable.
 */
export const bwrapDriver: IsolationDriver = {
  name: "bwrap",
  isolates: true,
  async unavailableReason() {
    try {
      await run(BWRAP, [...namespaceArgs(), ...fileSystemArgs([]), "/usr/bin/true"], { timeout: 5000 });
      return null;
    } catch (err) {
      return `bubblewrap cannot start a sandbox here: ${(err as Error).message.split("\n")[0]}`;
    }
  },
  launch(spec: LaunchSpec): LaunchCommand {
    const asRoot = process.getuid?.() === 0;
    const uid = FIRST_SLOT_UID + spec.slot;
    const dropPrivileges = asRoot ? [SETPRIV, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--"] : [];
    const env = { PATH: "/usr/bin", HOME: WORK_DIR, LANG: "C.UTF-8" };
    const envArgs = Object.entries(env).flatMap(([k, v]) => ["--setenv", k, v]);
    return {
      file: PRLIMIT,
      args: [
        ...prlimitArgs(spec.limits), "--",
        ...dropPrivileges,
        BWRAP, ...namespaceArgs(), ...fileSystemArgs(spec.readOnlyPaths), ...envArgs, "--chdir", WORK_DIR,
        "--", spec.node, ...spec.nodeArgs,
      ],
      cwd: "/",
      env: {},
      cleanup: () => {},
    };
  },
};

function namespaceArgs(): string[] {
  return ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"];
}

function fileSystemArgs(readOnlyPaths: string[]): string[] {
  return [
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
    "--proc", "/proc", "--dev", "/dev",
    "--tmpfs", "/tmp", "--dir", WORK_DIR,
    ...readOnlyPaths.flatMap((p) => ["--ro-bind", p, p]),
  ];
}
