import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import type { Readable, Writable } from "node:stream";
import type { IsolationDriver, LaunchSpec, LaunchCommand } from "./drivers/index.js";
import type { CgroupUsage, RunCgroup } from "./run-cgroup.js";
import { LineSplitter } from "./line-splitter.js";
import { CHANNEL_FD, type RunnerToSupervisor, type SupervisorToRunner } from "../../sandboxed/runner/channel.js";

/** A channel line longer than this is hostile or broken; the run is stopped. */
const MAX_CHANNEL_LINE_BYTES = 4 * 1024 * 1024;
/** After the runner exits, how long its pipes may stay open (held by a leftover process) before we stop waiting. */
const CLOSE_GRACE_MS = 2000;
const STDERR_TAIL_BYTES = 2048;

export interface RunnerProcessEvents {
  ready: [];
  /** One channel message, and the bytes it took on the wire (what the telemetry budget counts). */
  message: [RunnerToSupervisor, number];
  stdout: [Buffer];
  stderr: [Buffer];
  "channel-error": [string];
  exit: [code: number | null, signal: NodeJS.Signals | null, usage: CgroupUsage | undefined];
}

/** One single-use runner process started through an isolation driver (inside its cgroup), and its channel. */
export class RunnerProcess extends EventEmitter<RunnerProcessEvents> {
  readonly startedAt = performance.now();
  isReady = false;
  exited = false;
  /** The last bytes of stderr, for saying why a runner that never became ready failed. */
  stderrTail = "";
  private readonly child: ChildProcess;
  private readonly command: LaunchCommand;
  private readonly channel: Readable & Writable;
  private readonly lines = new LineSplitter(MAX_CHANNEL_LINE_BYTES);
  private leaderGone = false;

  constructor(driver: IsolationDriver, spec: LaunchSpec, private readonly cgroup?: RunCgroup) {
    super();
    this.command = driver.launch(spec);
    const { file, args } = cgroup ? cgroup.wrap(this.command.file, this.command.args) : this.command;
    this.child = spawn(file, args, {
      cwd: this.command.cwd,
      env: this.command.env,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      detached: true, // its own process group, so one kill reaches every process that stayed in it
    });
    this.channel = this.child.stdio[CHANNEL_FD] as Readable & Writable;
    this.channel.on("data", (chunk: Buffer) => this.onChannelData(chunk));
    this.channel.on("error", () => {});
    this.child.stdout!.on("data", (b: Buffer) => this.emit("stdout", b));
    this.child.stderr!.on("data", (b: Buffer) => {
      this.stderrTail = (this.stderrTail + b.toString("utf8")).slice(-STDERR_TAIL_BYTES);
      this.emit("stderr", b);
    });
    this.child.on("error", (err) => this.emit("channel-error", `could not start the runner: ${err.message}`));
    this.child.on("exit", () => this.afterExit());
    this.child.on("close", (code, signal) => void this.finish(code, signal));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(message: SupervisorToRunner): void {
    if (!this.exited) this.channel.write(JSON.stringify(message) + "\n");
  }

  /**
   * Kills the whole run at once: the process group; with bwrap the pid namespace dies with its pid 1; with a
   * cgroup, every process in it, including ones that left the group (setsid, double fork).
   */
  kill(): void {
    if (this.exited) return;
    // Once reaped, the group id could be reused by an unrelated process: only the cgroup is safe to kill then.
    if (!this.leaderGone && this.child.pid !== undefined) killGroupQuietly(this.child.pid);
    void this.cgroup?.killAll();
  }

  /** The runner itself is gone; anything it left behind would keep the pipes (and the run) open. */
  private afterExit(): void {
    // Right at exit the group id cannot have been reused yet: end whatever stayed in the group, then stop using it.
    if (this.child.pid !== undefined) killGroupQuietly(this.child.pid);
    this.leaderGone = true;
    void this.cgroup?.killAll();
    setTimeout(() => {
      if (this.exited) return;
      for (const stream of [this.child.stdout, this.child.stderr, this.channel]) stream?.destroy();
    }, CLOSE_GRACE_MS).unref();
  }

  private async finish(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    this.exited = true;
    const usage = this.cgroup?.usage();
    await this.cgroup?.dispose();
    this.command.cleanup();
    this.emit("exit", code, signal, usage);
  }

  private onChannelData(chunk: Buffer): void {
    const result = this.lines.push(chunk);
    if (result === "too-long") {
      this.emit("channel-error", "a telemetry line was too long");
      return;
    }
    for (const line of result) this.onLine(line);
  }

  private onLine(line: Buffer): void {
    let message: RunnerToSupervisor;
    try {
      message = JSON.parse(line.toString("utf8")) as RunnerToSupervisor;
    } catch {
      this.emit("channel-error", "the runner sent telemetry that is not JSON");
      return;
    }
    if (typeof message !== "object" || message === null) return;
    if (message.type === "ready") {
      if (this.isReady) return;
      this.isReady = true;
      this.emit("ready");
      return;
    }
    this.emit("message", message, line.length + 1);
  }
}

function killGroupQuietly(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // The group is already empty.
  }
}
