import type { RunExit, SocketTotals, TraceEvent } from "../../protocol/trace.js";
import type { JobMessage, RunnerLimits, RunnerToSupervisor } from "../../sandboxed/runner/channel.js";
import type { Limits } from "./limits.js";
import { budgetAt, runnerLimits } from "./limits.js";
import type { RunnerProcess } from "./runner-process.js";
import type { CgroupUsage } from "./run-cgroup.js";
import { validEvents, validTotals } from "./telemetry-check.js";
import { decideVerdict, type StopCause, type ProcessEnd } from "./verdict.js";
import { ControlGate } from "./control-gate.js";
import { channelReport } from "./channel-report.js";
import { TraceProcessor } from "../trace/trace-processor.js";
import { StillRunning } from "./still-running.js";

export interface RunJob {
  runId: string;
  entry: string;
  /** Transpiled JavaScript per learner file name. */
  files: Record<string, string>;
  wallMs: number;
  /** The program's files as the user gave them, before transpiling: socket names are read from them. */
  sources?: Record<string, string>;
  /** Initial values the program reads as `globalThis.__zmqWorkbenchParams` (scenarios' live controls). */
  params?: Record<string, unknown>;
}

export type EventSink = (events: TraceEvent[]) => void;

/** The job line for a run, but its key (the runner process adds a fresh one when it sends it). */
export function jobMessage(job: Pick<RunJob, "runId" | "entry" | "files" | "params">, limits: RunnerLimits): Omit<JobMessage, "key"> {
  return { type: "job", runId: job.runId, entry: job.entry, files: job.files, limits, ...(job.params ? { params: job.params } : {}) };
}

const MAX_PENDING_CONTROL = 64;
const TRACE_TICK_MS = 100;
/** Sockets a run may report totals for: closed sockets keep their totals, so this is above the open-socket limit. */
const MAX_TOTALS_SOCKETS = 1024;

/**
 * One program run in one runner process: sends the job, turns telemetry and output into trace events, decides the
 * verdict from what it observes itself. A fault while handling the run's data ends this run, never the server.
 */
export class Run {
  private readonly startedAt = performance.now();
  private jobSentAt: number | undefined;
  /** Set once the trace is flushed: output arriving later goes straight out. */
  private finished = false;
  private cause: StopCause | undefined;
  private outputBytes = 0;
  private outputTruncated = false;
  private telemetryBytes = 0;
  private uncaught: ProcessEnd["uncaught"];
  /** No prototype: socket ids come from the sandbox, and "__proto__" must not reach Object.prototype. */
  private totals: Record<string, SocketTotals> = Object.create(null) as Record<string, SocketTotals>;
  private readonly openSockets = new Set<string>();
  private readonly stillRunning = new StillRunning();
  private wallTimer: NodeJS.Timeout | undefined;
  readonly done: Promise<RunExit>;
  private started = false;
  private readonly trace: TraceProcessor;
  private traceTimer: NodeJS.Timeout | undefined;
  private readonly pendingControl: unknown[] = [];
  private readonly controlGate: ControlGate;

  constructor(
    private readonly proc: RunnerProcess,
    private readonly job: RunJob,
    private readonly limits: Limits,
    private readonly sink: EventSink,
  ) {
    this.trace = new TraceProcessor(job.sources, { messageEvents: limits.MESSAGE_EVENTS, eventsPerSecond: limits.EVENTS_PER_SECOND }, limits);
    this.controlGate = new ControlGate(limits.CONTROL_MESSAGE_BYTES, limits.CONTROL_MESSAGES_PER_SECOND);
    this.done = new Promise((resolve) => {
      proc.once("exit", (code, signal, usage) => resolve(this.finish(code, signal, usage)));
    });
    proc.on("message", (m, bytes) => this.guarded(() => this.onMessage(m, bytes)));
    proc.on("rejected", (bytes) => this.guarded(() => this.countTelemetry(bytes)));
    proc.on("stdout", (b) => this.guarded(() => this.onOutput("stdout", b)));
    proc.on("stderr", (b) => this.guarded(() => this.onOutput("stderr", b)));
    proc.on("channel-error", () => this.stop({ reason: "limit", limit: "telemetry" }));
    proc.on("internal-error", (err) => this.internalError(err));
    const begin = () =>
      this.guarded(() => {
        this.jobSentAt = performance.now();
        proc.sendJob(jobMessage(job, runnerLimits(limits)));
        this.started = true;
        for (const message of this.pendingControl.splice(0)) proc.sendControl({ type: "control", message });
        this.wallTimer = setTimeout(() => this.stop({ reason: "timeout", limit: "wall-time" }), job.wallMs);
        // Releases receives held for a late send and runs the one-second "nothing binds there" check.
        this.traceTimer = setInterval(() => this.guarded(() => this.processed([])), TRACE_TICK_MS);
      });
    if (proc.isReady) begin();
    else proc.once("ready", begin);
  }

  get elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  /** Trace time: ms since the job went to the runner, the clock the runner stamps its events with. */
  private get traceMs(): number {
    return this.jobSentAt === undefined ? 0 : performance.now() - this.jobSentAt;
  }

  /** Delivers a control message to the running program (bounded in size and rate); held until the job is sent. */
  control(message: unknown): void {
    if (this.cause) return;
    const admitted = this.controlGate.admit(message);
    if (admitted === undefined) return;
    if (this.started) this.proc.sendControl({ type: "control", message: admitted });
    else if (this.pendingControl.length < MAX_PENDING_CONTROL) this.pendingControl.push(admitted);
  }

  stop(cause: StopCause): void {
    this.cause ??= cause;
    this.proc.kill();
  }

  private guarded(work: () => void): void {
    try {
      work();
    } catch (err) {
      this.internalError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private internalError(err: Error): void {
    console.error(`run ${this.job.runId}: internal error while handling its data, stopping it:`, err);
    this.stop({ reason: "error", internal: true });
  }

  /** Lines reach here only with the run's key and within the channel's bounds; events are still checked one by one. */
  private onMessage(message: RunnerToSupervisor, bytes: number): void {
    if (this.cause || !this.countTelemetry(bytes)) return;
    if (message.type === "events") {
      const valid = validEvents(message.events);
      for (const e of valid) this.count(e);
      if (valid.length) this.processed(valid);
    } else if (message.type === "uncaught") {
      this.uncaught = { name: message.name, message: message.message, ...(message.limit ? { limit: message.limit } : {}) };
      if (message.stack) this.emitConsole("stderr", `${message.stack}\n`);
    } else if (message.type === "totals") {
      Object.assign(this.totals, validTotals(message.totals, MAX_TOTALS_SOCKETS));
    }
  }

  /** Every byte on the channel counts, the program's own lines too: false once the run is over its budget. */
  private countTelemetry(bytes: number): boolean {
    this.telemetryBytes += bytes;
    if (this.telemetryBytes <= budgetAt(this.limits.TELEMETRY_BYTES, this.limits.TELEMETRY_BYTES_PER_MINUTE, this.elapsedMs)) return true;
    this.stop({ reason: "limit", limit: "telemetry" });
    return false;
  }

  private count(e: TraceEvent): void {
    if (e.type === "socket/open" && this.openSockets.size < MAX_TOTALS_SOCKETS) this.openSockets.add(e.socket);
    if (e.type === "socket/close") this.openSockets.delete(e.socket);
    if (e.type !== "message/send" && e.type !== "message/recv" && e.type !== "socket/open") return;
    if (!(e.socket in this.totals) && Object.keys(this.totals).length >= MAX_TOTALS_SOCKETS) return;
    const t = (this.totals[e.socket] ??= { sent: 0, received: 0 });
    if (e.type === "message/send") t.sent = Math.max(t.sent, e.seq);
    if (e.type === "message/recv") t.received = Math.max(t.received, e.seq);
  }

  /** The only way console text reaches a trace: the run's own stdout and stderr, under one output budget. */
  private onOutput(stream: "stdout" | "stderr", chunk: Buffer): void {
    if (this.outputTruncated) return;
    const room = Math.floor(budgetAt(this.limits.OUTPUT_BYTES, this.limits.OUTPUT_BYTES_PER_MINUTE, this.elapsedMs)) - this.outputBytes;
    this.outputBytes += chunk.length;
    const text = chunk.subarray(0, Math.max(0, room)).toString("utf8");
    if (text) this.emitConsole(stream, text);
    if (room < chunk.length) {
      this.outputTruncated = true;
      this.emitConsole("stderr", "\n[output truncated: the output limit was reached]\n");
      this.stop({ reason: "limit", limit: "output" });
    }
  }

  /** Console lines go through the trace processor too, so they take their place in time among socket events. */
  private emitConsole(stream: "stdout" | "stderr", text: string): void {
    const line: TraceEvent = { type: "console", t: this.traceMs, stream, text };
    if (this.finished) this.sink([line]);
    else this.processed([line]);
  }

  /** Attribution, run-level diagnostics and time order need the whole run's trace; they hold events briefly. */
  private processed(events: TraceEvent[]): void {
    const out = this.trace.process(events, this.traceMs);
    this.stillRunning.observe(events);
    if (out.length) this.sink(out);
  }

  private finish(code: number | null, signal: NodeJS.Signals | null, usage: CgroupUsage | undefined): RunExit {
    clearTimeout(this.wallTimer);
    clearInterval(this.traceTimer);
    this.guarded(() => {
      const tail = this.trace.finish(this.totals, this.traceMs);
      const report = channelReport(this.proc.rejectedLines, this.controlGate.refused + this.proc.controlDropped, this.traceMs);
      if (tail.length || report.length) this.sink([...tail, ...report]);
    });
    this.finished = true;
    const end: ProcessEnd = {
      code,
      signal,
      uncaught: this.uncaught,
      usage,
      openSockets: this.openSockets.size,
      stillRunning: this.stillRunning.explain((socket) => this.trace.nameOf(socket)),
    };
    const verdict = decideVerdict(end, this.cause, this.job.wallMs);
    const exit: RunExit = {
      type: "run/exit",
      t: this.traceMs,
      reason: verdict.reason,
      code: verdict.code,
      message: verdict.message,
      totals: { ...this.totals },
      ...(verdict.limit ? { limit: verdict.limit } : {}),
      ...(signal ? { signal } : {}),
    };
    this.sink([exit]);
    return exit;
  }
}
