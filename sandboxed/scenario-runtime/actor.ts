/**
 * One life of an actor: the sockets it opened, whether its loop may go on, and its timers. A kill ends the life
 * (its sockets close at once); a restart begins a new one. Ships inside generated programs as workbench/actor.ts.
 */
import { params, type ParamValue } from "./control.js";

/** What the workbench needs of a zeromq socket: closing it without waiting for queued messages. */
export interface Closable {
  linger: number;
  close(): void;
  readonly closed: boolean;
}

/** After a pause or a slow moment, a paced loop catches up at most this much, so it never bursts. */
const MAX_CATCH_UP_MS = 50;
/** A run's console output is capped; a 30-minute demo must not end because its actors talked too much. */
const LOG_BUDGET_BYTES = 128 * 1024;
let loggedBytes = 0;

/** Frames as one line: text where printable, hex otherwise (a ROUTER's identity frames are binary). */
export function framesText(frames: Uint8Array[]): string {
  return frames
    .map((f) => {
      const text = Buffer.from(f).toString("utf8");
      return /^[\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes("\ufffd") ? text : `0x${Buffer.from(f).toString("hex")}`;
    })
    .join(" | ");
}

export class Actor {
  private state: "running" | "paused" | "stopped" = "running";
  private readonly sockets: Closable[] = [];
  private readonly wakers = new Set<() => void>();
  private readonly timers = new Set<ReturnType<typeof setInterval>>();
  private readonly watchers: Array<{ name: string; react: (previous: ParamValue) => void }> = [];
  private lastTickAt: number | undefined;

  constructor(readonly name: string) {}

  /** Registers a socket so that a kill or the end of the demo closes it. */
  socket<S extends Closable>(socket: S): S {
    this.sockets.push(socket);
    return socket;
  }

  /** Waits while the actor is paused; false once it was killed or the demo ended. */
  async running(): Promise<boolean> {
    while (this.state === "paused") await this.nap(Infinity);
    return this.state === "running";
  }

  /** Like running(), paced: resolves once per `intervalMs()`, read again whenever a live control changes. */
  async every(intervalMs: () => number): Promise<boolean> {
    while (await this.running()) {
      const now = performance.now();
      const interval = intervalMs();
      const due = this.lastTickAt === undefined ? now : this.lastTickAt + interval;
      if (now >= due) {
        this.lastTickAt = Math.max(due, now - MAX_CATCH_UP_MS);
        return true;
      }
      await this.nap(due - now);
    }
    return false;
  }

  /** Waits `ms` milliseconds, or less if the actor is killed meanwhile. */
  async sleep(ms: number): Promise<void> {
    const until = performance.now() + ms;
    while (this.state !== "stopped" && performance.now() < until) await this.nap(until - performance.now());
  }

  /** Prints a line with the actor's name, until the program has printed its share. */
  log(text: string): void {
    if (loggedBytes > LOG_BUDGET_BYTES) return;
    const line = `${this.name}: ${text}`;
    loggedBytes += Buffer.byteLength(line) + 1;
    console.log(loggedBytes > LOG_BUDGET_BYTES ? "(The actors stop printing here so the output stays small; the graph keeps counting.)" : line);
  }

  /** Calls `report` every `ms` milliseconds while the actor lives. */
  interval(ms: number, report: () => void): void {
    this.timers.add(setInterval(() => this.state === "running" && report(), ms));
  }

  /** Reacts to a live control: `react` gets the value it had before. */
  onParamChange(name: string, react: (previous: ParamValue) => void): void {
    this.watchers.push({ name, react });
  }

  get alive(): boolean {
    return this.state !== "stopped";
  }

  /** @internal The runtime's side: a live control changed. */
  paramChanged(name: string, previous: ParamValue): void {
    if (!this.alive) return;
    for (const w of this.watchers) if (w.name === name && params[name] !== previous) w.react(previous);
    this.wake();
  }

  /** @internal */
  pause(): void {
    if (this.state === "running") this.state = "paused";
  }

  /** @internal */
  resume(): void {
    if (this.state !== "paused") return;
    this.state = "running";
    this.lastTickAt = undefined;
    this.wake();
  }

  /** @internal Ends this life: sockets close with linger 0, so their pending sends and receives end now. */
  stop(): void {
    if (this.state === "stopped") return;
    this.state = "stopped";
    for (const timer of this.timers) clearInterval(timer);
    for (const socket of this.sockets) {
      if (socket.closed) continue;
      socket.linger = 0;
      socket.close();
    }
    this.wake();
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = Number.isFinite(ms) ? setTimeout(done, Math.max(0, ms)) : undefined;
      this.wakers.add(done);
    });
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }
}
