import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import type { Readable, Writable } from "node:stream";
import type { IsolationDriver, LaunchSpec, LaunchCommand } from "./drivers/index.js";
import { CHANNEL_FD, type RunnerToSupervisor, type SupervisorToRunner } from "../runner/channel.js";

/** A channel line longer than this is hostile or broken; the run is stopped. */
const MAX_CHANNEL_LINE_BYTES = 4 * 1024 * 1024;

export interface RunnerProcessEvents {
  ready: [];
  message: [RunnerToSupervisor];
  stdout: [Buffer];
  stderr: [Buffer];
  "channel-error": [string];
  exit: [code: number | null, signal: NodeJS.Signals | null];
}

/** One single-use runner process started through an isolation driver, and its telemetry channel. */
export class RunnerProcess extends EventEmitter<RunnerProcessEvents> {
  readonly startedAt = performance.now();
  isReady = false;
  exited = false;
  private readonly child: ChildProcess;
  private readonly command: LaunchCommand;
  private readonly channel: Readable & Writable;
  private pending = "";

  constructor(driver: IsolationDriver, spec: LaunchSpec) {
    super();
    this.command = driver.launch(spec);
    this.child = spawn(this.command.file, this.command.args, {
      cwd: this.command.cwd,
      env: this.command.env,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      detached: true,
    });
    this.channel = this.child.stdio[CHANNEL_FD] as Readable & Writable;
    this.channel.on("data", (chunk: Buffer) => this.onChannelData(chunk));
    this.channel.on("error", () => {});
    this.child.stdout!.on("data", (b: Buffer) => this.emit("stdout", b));
    this.child.stderr!.on("data", (b: Buffer) => this.emit("stderr", b));
    this.child.on("error", (err) => this.emit("channel-error", `could not start the runner: ${err.message}`));
    this.child.on("close", (code, signal) => {
      this.exited = true;
      this.command.cleanup();
      this.emit("exit", code, signal);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(message: SupervisorToRunner): void {
    this.channel.write(JSON.stringify(message) + "\n");
  }

  /** Kills the whole process tree at once: the process group, and with bwrap the pid namespace dies with it. */
  kill(): void {
    if (this.exited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, "SIGKILL");
    } catch {
      this.child.kill("SIGKILL");
    }
  }

  private onChannelData(chunk: Buffer): void {
    this.pending += chunk.toString("utf8");
    if (this.pending.length > MAX_CHANNEL_LINE_BYTES && !this.pending.includes("\n")) {
      this.pending = "";
      this.emit("channel-error", "a telemetry line was too long");
      return;
    }
    let newline: number;
    while ((newline = this.pending.indexOf("\n")) >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      if (line.length > 0) this.onLine(line);
    }
  }

  private onLine(line: string): void {
    let message: RunnerToSupervisor;
    try {
      message = JSON.parse(line) as RunnerToSupervisor;
    } catch {
      this.emit("channel-error", "the runner sent telemetry that is not JSON");
      return;
    }
    if (message?.type === "ready") {
      this.isReady = true;
      this.emit("ready");
      return;
    }
    this.emit("message", message);
  }
}
