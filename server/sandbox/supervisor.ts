import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultEntry, programProblem, type ProgramFiles } from "../../protocol/files.js";
import type { RunExit, TraceEvent } from "../../protocol/trace.js";
import { buildRunner } from "../runner/build.js";
import { pickDriver, type IsolationDriver, type LaunchSpec } from "./drivers/index.js";
import type { Limits } from "./limits.js";
import { WarmPool } from "./pool.js";
import { Run, type EventSink } from "./run.js";
import { CompileError, transpileProgram } from "./transpile.js";
import type { StopCause } from "./verdict.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunRequest {
  runId: string;
  files: ProgramFiles;
  entry?: string;
  timeoutMs?: number;
}

/** A request the supervisor refuses before running anything; its message is for the learner. */
export class RunRefused extends Error {
  constructor(message: string, readonly kind: "invalid" | "busy") {
    super(message);
  }
}

export interface RunTicket {
  readonly runId: string;
  stop(by: "stop" | "client-gone" | "shutdown"): void;
  readonly done: Promise<RunExit>;
}

interface Waiting { start: () => void; cancel: () => void }

/** Runs programs in single-use sandboxes: a warm pool, a cap on concurrent runs with a queue, and verdicts. */
export class Supervisor {
  private active = 0;
  private readonly queue: Waiting[] = [];
  private readonly tickets = new Set<RunTicket>();

  private constructor(
    readonly driver: IsolationDriver,
    readonly limits: Limits,
    private readonly pool: WarmPool,
    readonly warning: string | undefined,
  ) {}

  static async create(options: { driver: string; limits: Limits }): Promise<Supervisor> {
    const { driver, fallbackReason } = await pickDriver(options.driver);
    const bundle = await buildRunner();
    const limits = options.limits;
    const specFor = (slot: number): LaunchSpec => ({
      node: process.execPath,
      nodeArgs: ["--enable-source-maps", `--max-old-space-size=${limits.V8_HEAP_MB}`, "--import", bundle.register, bundle.runner],
      readOnlyPaths: [bundle.dir, resolve(REPO_ROOT, "node_modules")],
      limits,
      slot,
    });
    const slots = limits.CONCURRENT_RUNS + limits.WARM_POOL_SIZE + 1;
    const pool = new WarmPool(driver, specFor, limits.WARM_POOL_SIZE, slots);
    pool.fill();
    const warning = driver.isolates ? undefined : `Runs are not sandboxed (driver "${driver.name}")${fallbackReason ? `: ${fallbackReason}` : ""}. Only run code you trust.`;
    return new Supervisor(driver, limits, pool, warning);
  }

  /** Starts a run (or queues it). Events, including the final run/exit, go to `sink`. Throws RunRefused. */
  async submit(request: RunRequest, sink: EventSink, onQueued?: (position: number) => void): Promise<RunTicket> {
    const problem = programProblem({ files: request.files, entry: request.entry });
    if (problem) throw new RunRefused(problem, "invalid");
    const entry = defaultEntry({ files: request.files, entry: request.entry });
    const wallMs = Math.min(request.timeoutMs ?? this.limits.RUN_WALL_MS, this.limits.RUN_WALL_MAX_MS);
    if (this.active >= this.limits.CONCURRENT_RUNS && this.queue.length >= this.limits.QUEUE_LENGTH) {
      throw new RunRefused("The workbench is busy running other programs. Please try again in a moment.", "busy");
    }
    const files = request.files;
    let run: Run | undefined;
    let stopped: StopCause | undefined;
    let resolveDone!: (exit: RunExit) => void;
    const done = new Promise<RunExit>((r) => (resolveDone = r));
    const startedAt = performance.now();
    const emitStart = () => sink([{ type: "run/start", t: 0, runId: request.runId, entry, files: Object.keys(files), sandbox: this.driver.name }]);

    const start = async () => {
      this.active++;
      emitStart();
      try {
        const js = await transpileProgram(files);
        if (stopped) return finishWithout(stopped.reason === "killed" ? "You stopped the run." : "The run was stopped.", "killed");
        run = new Run(this.pool.take(), { runId: request.runId, entry, files: js, wallMs }, this.limits, sink);
        resolveDone(await run.done);
      } catch (err) {
        if (!(err instanceof CompileError)) throw err;
        sink([{ type: "console", t: performance.now() - startedAt, stream: "stderr", text: err.message + "\n" }]);
        finishWithout(`The program does not compile: ${err.message.split("\n")[0]}`, "error");
      } finally {
        this.active--;
        this.queue.shift()?.start();
      }
    };
    const finishWithout = (message: string, reason: "error" | "killed") => {
      const exit: RunExit = { type: "run/exit", t: performance.now() - startedAt, reason, code: null, message, totals: {} };
      sink([exit]);
      resolveDone(exit);
    };

    const ticket: RunTicket = {
      runId: request.runId,
      done,
      stop: (by) => {
        stopped ??= { reason: "killed", by };
        if (run) return run.stop(stopped);
        const i = this.queue.indexOf(waiting);
        if (i >= 0) {
          this.queue.splice(i, 1);
          emitStart();
          finishWithout("The run was cancelled before it started.", "killed");
        }
      },
    };
    const waiting: Waiting = { start: () => void start(), cancel: () => ticket.stop("shutdown") };
    this.tickets.add(ticket);
    void done.then(() => this.tickets.delete(ticket));
    if (this.active < this.limits.CONCURRENT_RUNS) void start();
    else {
      this.queue.push(waiting);
      onQueued?.(this.queue.length);
    }
    return ticket;
  }

  get runningCount(): number {
    return this.active;
  }

  /** Stops every run and the warm pool; resolves when every run has reported its exit. */
  async close(): Promise<void> {
    this.pool.close();
    const all = [...this.tickets];
    for (const t of all) t.stop("shutdown");
    await Promise.all(all.map((t) => t.done));
  }
}

export type { TraceEvent };
