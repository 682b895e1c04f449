import { execFile } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { IsolationDriver, LaunchSpec, LaunchCommand } from "./types.js";
import { PRLIMIT, prlimitArgs } from "./prlimit.js";
import { dropToUser } from "./slot-user.js";
import { DEFAULT_LIMITS } from "../limits.js";

const run = promisify(execFile);
export const BWRAP = "/usr/bin/bwrap";
const WORK_DIR = "/tmp/work";
const HOSTNAME = "sandbox";
const NOBODY_UID = 65534;
/** Where the run sees the app's files: a fixed name, so the host's folder names (a user, a checkout) stay hidden. */
export const SANDBOX_APP_ROOT = "/app";

/**
 * bubblewrap: private user/pid/net/ipc/uts/cgroup namespaces, no capabilities, no nested user namespaces, an
 * empty environment, and only /usr plus the runner's own files visible, read-only. Never binds `/`: host Unix
 * sockets under /run would stay reachable. The net namespace has only `lo`, so nothing leaves the machine.
 */
export const bwrapDriver: IsolationDriver = {
  name: "bwrap",
  isolates: true,
  async unavailableReason() {
    // The command shape a run uses (uid drop, limits, namespaces), so "available" means "runs start". The probe's
    // uid is nobody's: no run uid block is claimed yet, and without one no RLIMIT_NPROC is set.
    const probe = launchCommand({
      node: "/usr/bin/true",
      nodeArgs: [],
      readOnlyPaths: [],
      appRoot: "/",
      limits: { ...DEFAULT_LIMITS },
      slot: 0,
      uid: process.getuid?.() === 0 ? NOBODY_UID : undefined,
    });
    try {
      await run(probe.file, probe.args, { timeout: 5000, env: probe.env });
      return null;
    } catch (err) {
      const detail = ((err as { stderr?: string }).stderr || (err as Error).message).trim().split("\n")[0];
      return `bubblewrap cannot start a sandbox here: ${detail}`;
    }
  },
  launch: launchCommand,
};

function launchCommand(spec: LaunchSpec): LaunchCommand {
  const env = { PATH: "/usr/bin", HOME: WORK_DIR, LANG: "C.UTF-8" };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ["--setenv", k, v]);
  return {
    file: PRLIMIT,
    args: [
      ...prlimitArgs(spec.limits, spec.uid !== undefined && spec.uid !== NOBODY_UID, spec.inCgroup),
      "--",
      ...dropToUser(spec.uid),
      BWRAP,
      ...namespaceArgs(),
      ...fileSystemArgs(spec),
      ...envArgs,
      "--chdir",
      WORK_DIR,
      "--",
      spec.node,
      ...spec.nodeArgs.map((arg) => inSandbox(spec.appRoot, arg)),
    ],
    cwd: "/",
    env: {},
    cleanup: () => {},
  };
}

function namespaceArgs(): string[] {
  return [
    "--unshare-all",
    "--unshare-user",
    "--disable-userns",
    "--hostname",
    HOSTNAME,
    // --die-with-parent: if the server dies, the sandbox's pid 1 dies and the kernel ends its whole pid namespace.
    // --new-session: no controlling terminal to push keystrokes into (TIOCSTI).
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--clearenv",
  ];
}

/** The run's /etc/hosts: its own loopback under the name the ZeroMQ guide uses (tcp://localhost:5555), nothing else. */
export const HOSTS_FILE = fileURLToPath(new URL("./sandbox-hosts", import.meta.url));

function fileSystemArgs(spec: LaunchSpec): string[] {
  return [
    "--ro-bind",
    "/usr",
    "/usr",
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/lib64",
    "/lib64",
    "--symlink",
    "usr/bin",
    "/bin",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    // Bound from the staged copy (never from the checkout, whose path the run could read in /proc/1/cmdline).
    ...(spec.hostsFile ? ["--ro-bind", spec.hostsFile, "/etc/hosts"] : []),
    "--size",
    String(spec.limits.TMP_BYTES),
    "--tmpfs",
    "/tmp",
    "--dir",
    WORK_DIR,
    ...nodeInstallArgs(spec.node),
    ...spec.readOnlyPaths.flatMap((p) => ["--ro-bind", p, inSandbox(spec.appRoot, p)]),
  ];
}

/**
 * A node installed outside /usr (nvm, a tarball in /opt) is bound read-only where it is, its whole installation
 * (bin/ and lib/), since node must be run from the path it was started as.
 */
function nodeInstallArgs(node: string): string[] {
  if (node.startsWith("/usr/")) return [];
  const prefix = dirname(dirname(node));
  return prefix === "/" ? ["--ro-bind", node, node] : ["--ro-bind", prefix, prefix];
}

/** A host path under appRoot as the run sees it; anything else (a flag, a path outside) unchanged. */
function inSandbox(appRoot: string, arg: string): string {
  const root = appRoot.endsWith("/") ? appRoot : `${appRoot}/`;
  return arg.startsWith(root) ? `${SANDBOX_APP_ROOT}/${arg.slice(root.length)}` : arg;
}
