import type { Limits } from "../limits.js";

/** What a driver needs to know to start one runner process. */
export interface LaunchSpec {
  /** Absolute path of the node binary. */
  node: string;
  /** Arguments to node: flags, then the runner script. */
  nodeArgs: string[];
  /** Host paths the runner must be able to read (runner bundle, node_modules), all inside appRoot. */
  readOnlyPaths: string[];
  /**
   * The host folder that holds readOnlyPaths. A driver that hides the host's layout shows it to the run under a
   * fixed name, rewriting readOnlyPaths and nodeArgs to match; the paths keep their places relative to each other.
   */
  appRoot: string;
  limits: Limits;
  /** A staged copy of the run's /etc/hosts (localhost only), inside appRoot; without it nothing resolves. */
  hostsFile?: string;
  /** Pool slot of this process. */
  slot: number;
  /** The uid (and gid) the run gets to itself, when the server can give it one (it is root); else undefined. */
  uid?: number;
  /**
   * The run has a memory and pids cgroup of its own. Those are then its memory and task limits: no address-space
   * limit (WebAssembly reserves far more than it uses) and RLIMIT_NPROC above pids.max, so the cgroup, which counts
   * what it refuses, is the one that trips.
   */
  inCgroup?: boolean;
}

export interface LaunchCommand {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Removes whatever the driver made on the host for this process (a work dir). */
  cleanup: () => void;
}

export interface IsolationDriver {
  readonly name: string;
  /** True when the driver isolates runs from the host (file system, network, other runs). */
  readonly isolates: boolean;
  /** Null when usable on this machine, else why not. */
  unavailableReason(): Promise<string | null>;
  launch(spec: LaunchSpec): LaunchCommand;
}
