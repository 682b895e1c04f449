import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import type { Readable, Writable } from "node:stream";
import type { IsolationDriver, LaunchSpec, LaunchCommand } from "./drivers/index.js";
import type { CgroupUsage, RunCgroup } from "./run-cgroup.js";
import { LineSplitter } from "./line-splitter.js";
import { ChannelReader } from "./channel-reader.js";
import { CHANNEL_BOUNDS, CHANNEL_FD, type ControlToRunner, type JobMessage, type RunnerToSupervisor } from "../../sandboxed/runner/channel.js";

/** A channel line longer than this (key and JSON) is dropped unread. */
const MAX_CHANNEL_LINE_BYTES = CHANNEL_BOUNDS.LINE_BYTES + CHANNEL_BOUNDS.KEY_CHARS + 1;
/** Control messages waiting for the channel to drain; beyond this a program that does not read loses new ones. */
const MAX_UNSENT_CONTROL = 64;
/**
 * The runner starts with no descriptor of the server's but the four it is given: one the server inherited (a
 * file opened by its parent, `40<secret`) would otherwise be open in the run. bash, because sh cannot name fds
 * above 9. Exit status 126 here means the command could not start.
 */
const CLOSE_FDS_SCRIPT = 'for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 3 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null; done; exec "$@"';
const BASH = "/bin/bash";
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
  /** Bytes of channel lines dropped unread (the program's own, or out of bounds): they count against the budget too. */
  rejected: [number];
  /** Handling the runner's data threw: a bug on our side, reported as the run's own internal error. */
  "internal-error": [Error];
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
  private readonly reader = new ChannelReader();
  private leaderGone = false;
  private unsentControl: string[] = [];
  private draining = false;
  /** Control messages dropped because the program did not read its channel. */
  controlDropped = 0;

  constructor(
    driver: IsolationDriver,
    spec: LaunchSpec,
    private readonly cgroup?: RunCgroup,
  ) {
    super();
    this.command = driver.launch(spec);
    const { file, args } = cgroup ? cgroup.wrap(this.command.file, this.command.args) : this.command;
    this.child = spawn(BASH, ["-c", CLOSE_FDS_SCRIPT, "close-fds", file, ...args], {
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

  /** Lines on the channel that were not the runner's (no key) or broke its bounds, all dropped. */
  get rejectedLines(): { unsigned: number; malformed: number } {
    return { unsigned: this.reader.rejected.unsigned, malformed: this.reader.rejected.malformed + this.lines.tooLong };
  }

  /** Sends the job with a fresh channel key: from now on, a line without it is the program's, not the runner's. */
  sendJob(job: Omit<JobMessage, "key">): void {
    const key = this.reader.newKey();
    if (!this.exited) this.channel.write(`${JSON.stringify({ ...job, key } satisfies JobMessage)}\n`);
  }

  /**
   * Writes a control message, honouring the pipe's back-pressure: while it is full, messages wait (a few), so a
   * program that never reads its channel cannot make the server buffer without end.
   */
  sendControl(message: ControlToRunner): void {
    if (this.exited) return;
    const line = `${JSON.stringify(message)}\n`;
    if (this.draining) {
      if (this.unsentControl.length < MAX_UNSENT_CONTROL) this.unsentControl.push(line);
      else this.controlDropped++;
      return;
    }
    if (this.channel.write(line)) return;
    this.draining = true;
    this.channel.once("drain", () => this.drain());
  }

  private drain(): void {
    this.draining = false;
    const waiting = this.unsentControl;
    this.unsentControl = [];
    for (const line of waiting) {
      if (this.exited) return;
      if (this.draining) this.unsentControl.push(line);
      else if (!this.channel.write(line)) {
        this.draining = true;
        this.channel.once("drain", () => this.drain());
      }
    }
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
    this.unsentControl = [];
    const usage = this.cgroup?.usage();
    await this.cgroup?.dispose();
    this.command.cleanup();
    this.emit("exit", code, signal, usage);
  }

  private onChannelData(chunk: Buffer): void {
    try {
      const tooLongBefore = this.lines.tooLong;
      const lines = this.lines.push(chunk);
      if (this.lines.tooLong > tooLongBefore) this.emit("rejected", chunk.length);
      for (const line of lines) this.onLine(line);
    } catch (err) {
      this.emit("internal-error", err instanceof Error ? err : new Error(String(err)));
    }
  }

  private onLine(line: Buffer): void {
    const message = this.reader.read(line);
    if (typeof message === "string") {
      this.emit("rejected", line.length + 1);
      return;
    }
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
