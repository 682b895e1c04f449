/** What the pool needs of a runner process; RunnerProcess has it, and tests can fake it. */
export interface PoolProcess {
  readonly isReady: boolean;
  readonly stderrTail: string;
  once(event: "ready", listener: () => void): unknown;
  once(event: "exit", listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  kill(): void;
}

/** First pause after a warm process dies before being used; doubled per failure in a row, up to the maximum. */
export const BACKOFF_FIRST_MS = 100;
export const BACKOFF_MAX_MS = 30_000;

/**
 * Pre-started single-use sandboxes. A process is handed out once; a new one is started in its place. Slots give each
 * live process a distinct number (and so a distinct uid). A runner that dies before it is used counts as a failure,
 * and refills back off exponentially, so a broken runner or host does not spin the CPU starting processes.
 */
export class WarmPool<P extends PoolProcess> {
  private readonly warm: P[] = [];
  private readonly freeSlots: number[];
  private nextSlot: number;
  private closed = false;
  private failuresInARow = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Why the last warm process died unused, while failures go on; cleared by the next one that becomes ready. */
  lastFailure: string | undefined;

  constructor(
    private readonly startProcess: (slot: number) => P,
    private readonly size: number,
    slotCount: number,
  ) {
    this.freeSlots = Array.from({ length: slotCount }, (_, i) => i);
    this.nextSlot = slotCount;
  }

  fill(): void {
    while (!this.closed && !this.retryTimer && this.warm.length < this.size) this.warm.push(this.start());
  }

  /** A started process, ready or still starting; the caller waits for its "ready". */
  take(): P {
    const ready = this.warm.findIndex((p) => p.isReady);
    const proc = ready >= 0 ? this.warm.splice(ready, 1)[0] : (this.warm.shift() ?? this.start());
    queueMicrotask(() => this.fill());
    return proc;
  }

  get backingOff(): boolean {
    return this.retryTimer !== undefined;
  }

  /** Kills the warm processes; resolves once they have exited (and their cgroups are gone). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const procs = this.warm.splice(0);
    const exits = procs.map((proc) => new Promise<void>((resolve) => proc.once("exit", () => resolve())));
    for (const proc of procs) proc.kill();
    await Promise.all(exits);
  }

  private start(): P {
    // Slots beyond the initial count only appear when killed runs are slow to exit; never share a uid.
    const slot = this.freeSlots.shift() ?? this.nextSlot++;
    const proc = this.startProcess(slot);
    proc.once("ready", () => {
      this.failuresInARow = 0;
      this.lastFailure = undefined;
    });
    proc.once("exit", (code, signal) => {
      this.freeSlots.push(slot);
      const i = this.warm.indexOf(proc);
      if (i < 0) return; // handed out: its run owns the exit
      this.warm.splice(i, 1);
      if (this.closed) return;
      this.onUnusedExit(proc, code, signal);
    });
    return proc;
  }

  private onUnusedExit(proc: P, code: number | null, signal: NodeJS.Signals | null): void {
    this.failuresInARow++;
    const tail = proc.stderrTail.trim().split("\n").slice(-3).join(" | ");
    this.lastFailure = `a warm sandbox exited before use (${signal ?? `code ${code}`})${tail ? `: ${tail}` : ""}`;
    const delay = Math.min(BACKOFF_FIRST_MS * 2 ** (this.failuresInARow - 1), BACKOFF_MAX_MS);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.fill();
    }, delay);
    this.retryTimer.unref();
  }
}
