import type { StartTimer } from "../reconnectingSocket.js";

/** A timer a test runs by hand: it records each wait asked for and fires the pending calls on cue. */
export class ManualTimer {
  /** Every wait asked for, in order, cancelled ones included. */
  readonly waits: number[] = [];
  private pending: Array<{ run: () => void; cancelled: boolean }> = [];

  readonly start: StartTimer = (run, ms) => {
    this.waits.push(ms);
    const entry = { run, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };

  /** Calls each pending (not cancelled) call once. */
  fire(): void {
    const due = this.pending;
    this.pending = [];
    for (const entry of due) if (!entry.cancelled) entry.run();
  }

  get pendingCount(): number {
    return this.pending.filter((e) => !e.cancelled).length;
  }
}
