import { defaultEntry, programProblem, type ProgramFiles } from "../../protocol/files.js";
import type { RunExit, TraceEvent } from "../../protocol/trace.js";
import { buildRunner } from "./runner-bundle.js";
import { CgroupHost } from "./cgroups.js";
import { pickDriver, type IsolationDriver } from "./drivers/index.js";
import { runsAsOwnUser, UidBlock } from "./drivers/slot-user.js";
import { makeLauncher } from "./launcher.js";
import { pruneStaleStagings, type StagedApp } from "./app-staging.js";
import type { Limits } from "./limits.js";
import { WarmPool } from "./pool.js";
import { FairQueue, fairShare } from "./fair-queue.js";
import { Run, type EventSink } from "./supervised-run.js";
import type { RunnerProcess } from "./runner-process.js";
import { CompileError, transpileProgram } from "./transpile.js";
import type { StopCause } from "./verdict.js";

export interface RunRequest {
  runId: string;
  files: ProgramFiles;
  entry?: string;
  timeoutMs?: number;
  params?: Record<string, unknown>;
  /** Who asks: the client address runs are counted and queued by. Without one (the CLI, the lesson checker) a run is uncapped and queued as its own client. */
  client?: string;
  /** The browser tab (one run WebSocket) asking, within its address: each tab has its own cap and turns. */
  tab?: string;
  /** A classroom session's presenter may ask for the longest time limit (RUN_WALL_MAX_MS). */
  presenter?: boolean;
  /**
   * With several nodes: takes this run's place in its address's count over the whole cluster (RUNS_PER_CLIENT), on
   * top of this node's own count, or answers how many runs the address has going there.
   */
  takeClusterSlot?: () => Promise<{ ok: true; release: () => void } | { ok: false; count: number }>;
}

/** The refusal an address at RUNS_PER_CLIENT gets, on whichever node it asks. */
export const tooManyRunsFromAddress = (going: number) =>
  `Your network address already has ${going} runs going, the most one address may have at once (everyone behind it counts together); wait a moment and try again.`;

/** A request the supervisor refuses before running anything; its message is for the learner. */
export class RunRefused extends Error {
  constructor(
    message: string,
    readonly kind: "invalid" | "busy",
  ) {
    super(message);
  }
}

export interface RunTicket {
  readonly runId: string;
  stop(by: "stop" | "client-gone" | "shutdown"): void;
  /** Sends a control message to the running program (live parameters, actor faults); ignored once it ended. */
  control(message: unknown): void;
  readonly done: Promise<RunExit>;
}

interface Waiting {
  start: () => void;
  cancel: () => void;
}

let localRuns = 0;

/** Runs programs in single-use sandboxes: a warm pool, a cap on concurrent runs with a queue, and verdicts. */
export class Supervisor {
  private active = 0;
  private readonly queue = new FairQueue<Waiting>();
  /** Runs each client address, and each tab, has running or queued. */
  private readonly perClient = new Map<string, number>();
  private readonly perTab = new Map<string, number>();
  /** Slots each client holds now (its runs started and not yet ended): the queue passes over a client at its share. */
  private readonly holding = new Map<string, number>();
  private readonly tickets = new Set<RunTicket>();

  private constructor(
    readonly driver: IsolationDriver,
    readonly limits: Limits,
    private readonly pool: WarmPool<RunnerProcess>,
    private readonly driverWarning: string | undefined,
    /** Per-run cgroups (memory, pids, kill-all), or the sentence saying why this host gives none. */
    readonly cgroups: CgroupHost | string,
    private readonly uids: UidBlock | undefined,
    private readonly staged: StagedApp,
  ) {}

  /** `cgroups: false` runs without cgroups even where they are writable (to compare, or on a shared host). */
  static async create(options: { driver: string; limits: Limits; cgroups?: boolean }): Promise<Supervisor> {
    const { driver, fallbackReason } = await pickDriver(options.driver);
    const bundle = await buildRunner();
    const limits = options.limits;
    const cgroups = options.cgroups === false ? "cgroups were turned off" : CgroupHost.detect();
    if (typeof cgroups !== "string") await cgroups.sweep();
    const uids = runsAsOwnUser() ? UidBlock.claim() : undefined;
    pruneStaleStagings(limits.STAGING_STALE_MS);
    const { launch, staged } = makeLauncher(driver, bundle, limits, typeof cgroups === "string" ? undefined : cgroups, uids);
    // Killed runs can take a moment to exit; spare slots keep every live process on a uid of its own.
    const slots = 2 * (limits.CONCURRENT_RUNS + limits.WARM_POOL_SIZE);
    const pool = new WarmPool(launch, limits.WARM_POOL_SIZE, slots);
    pool.fill();
    const warning = driver.isolates
      ? undefined
      : `Runs are not sandboxed (driver "${driver.name}")${fallbackReason ? `: ${fallbackReason}` : ""}. Only run code you trust.`;
    return new Supervisor(driver, limits, pool, warning, cgroups, uids, staged);
  }

  /** For health and the UI: no isolation, or a runner that keeps dying before it is used. */
  get warning(): string | undefined {
    const pool = this.pool.lastFailure ? `The sandbox is failing to start: ${this.pool.lastFailure}` : undefined;
    return [this.driverWarning, pool].filter(Boolean).join(" ") || undefined;
  }

  /** Starts a run (or queues it). Events, including the final run/exit, go to `sink`. Throws RunRefused. */
  async submit(request: RunRequest, sink: EventSink, onQueued?: (position: number) => void): Promise<RunTicket> {
    const problem = programProblem({ files: request.files, entry: request.entry }) ?? this.sizeProblem(request.files);
    if (problem) throw new RunRefused(problem, "invalid");
    const entry = defaultEntry({ files: request.files, entry: request.entry });
    const wallMs = Math.min(request.timeoutMs ?? this.limits.RUN_WALL_MS, request.presenter ? this.limits.RUN_WALL_MAX_MS : this.limits.RUN_WALL_CLIENT_MAX_MS);
    const client = request.client ?? `local:${localRuns++}`;
    const going = this.perClient.get(client) ?? 0;
    const tab = request.tab ?? "";
    const tabKey = `${client}\u0000${tab}`;
    const goingInTab = this.perTab.get(tabKey) ?? 0;
    if (request.client !== undefined && goingInTab >= this.limits.RUNS_PER_TAB) {
      throw new RunRefused(`You already have ${goingInTab} runs going; stop one or wait for it to finish.`, "busy");
    }
    if (request.client !== undefined && going >= this.limits.RUNS_PER_CLIENT) throw new RunRefused(tooManyRunsFromAddress(going), "busy");
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    this.perTab.set(tabKey, (this.perTab.get(tabKey) ?? 0) + 1);
    const giveBack = (releaseCluster?: () => void) => {
      countDown(this.perClient, client);
      countDown(this.perTab, tabKey);
      releaseCluster?.();
    };
    // Counted here first, so this node's own runs cannot overtake the cluster's answer while it is awaited.
    let cluster: Awaited<ReturnType<NonNullable<RunRequest["takeClusterSlot"]>>> | undefined;
    try {
      cluster = request.client !== undefined ? await request.takeClusterSlot?.() : undefined;
    } catch (err) {
      giveBack();
      throw err;
    }
    if (cluster && !cluster.ok) {
      giveBack();
      throw new RunRefused(tooManyRunsFromAddress(cluster.count), "busy");
    }
    const releaseCluster = cluster?.ok ? cluster.release : undefined;
    if (this.active >= this.limits.CONCURRENT_RUNS && this.queue.length >= this.limits.QUEUE_LENGTH) {
      giveBack(releaseCluster);
      throw new RunRefused("The workbench is busy running other programs. Please try again in a moment.", "busy");
    }
    const files = request.files;
    let run: Run | undefined;
    let stopped: StopCause | undefined;
    let resolveDone!: (exit: RunExit) => void;
    const done = new Promise<RunExit>((r) => (resolveDone = r));
    const startedAt = performance.now();
    const shortened = (request.timeoutMs ?? 0) > wallMs ? this.shortenedSentence(request.timeoutMs ?? 0, wallMs, request.presenter) : undefined;
    const emitStart = () =>
      sink([
        { type: "run/start", t: 0, runId: request.runId, entry, files: Object.keys(files), sandbox: this.driver.name },
        ...(shortened ? [{ type: "diagnostic" as const, t: 0, code: "time-limit-shortened", severity: "info" as const, message: shortened }] : []),
      ]);

    const start = async () => {
      this.active++;
      this.holding.set(client, (this.holding.get(client) ?? 0) + 1);
      emitStart();
      try {
        const js = await transpileProgram(files);
        if (stopped) return finishWithout(stopped.reason === "killed" ? "You stopped the run." : "The run was stopped.", "killed");
        run = new Run(this.pool.take(), { runId: request.runId, entry, files: js, sources: files, wallMs, params: request.params }, this.limits, sink);
        resolveDone(await run.done);
      } catch (err) {
        // Nothing may leave a run without its run/exit: a promise that never settles is a hang for the learner.
        if (!(err instanceof CompileError)) {
          console.error("sandbox: a run failed inside the supervisor", err);
          return finishWithout("The workbench could not run the program because of an internal error.", "error");
        }
        sink([{ type: "console", t: performance.now() - startedAt, stream: "stderr", text: `${err.message}\n` }]);
        finishWithout(`The program does not compile: ${err.message.split("\n")[0]}`, "error");
      } finally {
        this.active--;
        countDown(this.holding, client);
        this.queue.shift((c) => this.holding.get(c) ?? 0, fairShare(this.limits.CONCURRENT_RUNS))?.start();
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
      control: (message) => run?.control(message),
      stop: (by) => {
        stopped ??= { reason: "killed", by };
        if (run) return run.stop(stopped);
        if (this.queue.remove(client, waiting)) {
          emitStart();
          finishWithout("The run was cancelled before it started.", "killed");
        }
      },
    };
    const waiting: Waiting = { start: () => void start(), cancel: () => ticket.stop("shutdown") };
    this.tickets.add(ticket);
    void done.then(() => {
      this.tickets.delete(ticket);
      giveBack(releaseCluster);
    });
    if (this.active < this.limits.CONCURRENT_RUNS) void start();
    else {
      this.queue.push(client, waiting, tab);
      onQueued?.(this.queue.positionOf(client, waiting));
    }
    return ticket;
  }

  /** Why a run got less time than it asked for, and what would give it more. */
  private shortenedSentence(askedMs: number, wallMs: number, presenter: boolean | undefined): string {
    const minutes = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 6_000) / 10} min` : `${Math.round(ms / 100) / 10} s`);
    const more = presenter
      ? ""
      : ` The presenter of a classroom session may run up to ${minutes(this.limits.RUN_WALL_MAX_MS)}: start a class to run a longer demo.`;
    return `This run asked for ${minutes(askedMs)}; it may run for ${minutes(wallMs)} on this server.${more}`;
  }

  private sizeProblem(files: ProgramFiles): string | null {
    const names = Object.keys(files);
    if (names.length > this.limits.PROGRAM_FILES) return `A program may have at most ${this.limits.PROGRAM_FILES} files; this one has ${names.length}.`;
    const bytes = names.reduce((sum, n) => sum + Buffer.byteLength(files[n], "utf8"), 0);
    if (bytes > this.limits.PROGRAM_BYTES)
      return `The program is ${Math.ceil(bytes / 1024)} KiB; the limit is ${Math.floor(this.limits.PROGRAM_BYTES / 1024)} KiB.`;
    return null;
  }

  get runningCount(): number {
    return this.active;
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  /** Resolves when every run started or queued so far has ended (a draining node waits on it). */
  async runsDone(): Promise<void> {
    await Promise.all([...this.tickets].map((t) => t.done));
  }

  /** Stops every run and the warm pool; resolves when every run has reported its exit. */
  async close(): Promise<void> {
    const pool = this.pool.close();
    const all = [...this.tickets];
    for (const t of all) t.stop("shutdown");
    await Promise.all([pool, ...all.map((t) => t.done)]);
    this.uids?.release();
    this.staged.remove();
  }
}

export type { TraceEvent };

function countDown(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
