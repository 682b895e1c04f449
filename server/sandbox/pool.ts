import type { IsolationDriver, LaunchSpec } from "./drivers/index.js";
import { RunnerProcess } from "./runner-process.js";

type SpecFor = (slot: number) => LaunchSpec;

/**
 * Pre-started single-use sandboxes. A process that has said "ready" is handed out once; a new one is started
 * in its place. Slots give each live process a distinct number (and, with bwrap as root, a distinct uid).
 */
export class WarmPool {
  private readonly warm: RunnerProcess[] = [];
  private readonly freeSlots: number[];
  private closed = false;

  constructor(
    private readonly driver: IsolationDriver,
    private readonly specFor: SpecFor,
    private readonly size: number,
    slotCount: number,
  ) {
    this.freeSlots = Array.from({ length: slotCount }, (_, i) => i);
  }

  fill(): void {
    while (!this.closed && this.warm.length < this.size && this.freeSlots.length > 0) {
      this.warm.push(this.start());
    }
  }

  /** A started process, ready or still starting; the caller waits for its "ready". */
  take(): RunnerProcess {
    const ready = this.warm.findIndex((p) => p.isReady);
    const proc = ready >= 0 ? this.warm.splice(ready, 1)[0] : (this.warm.shift() ?? this.start());
    queueMicrotask(() => this.fill());
    return proc;
  }

  close(): void {
    this.closed = true;
    for (const proc of this.warm.splice(0)) proc.kill();
  }

  private start(): RunnerProcess {
    const slot = this.freeSlots.shift() ?? 0;
    const proc = new RunnerProcess(this.driver, this.specFor(slot));
    proc.once("exit", () => {
      this.freeSlots.push(slot);
      const i = this.warm.indexOf(proc);
      if (i >= 0) {
        this.warm.splice(i, 1);
        this.fill();
      }
    });
    return proc;
  }
}
