import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS, type Ping } from "../../../protocol/heartbeat.js";

/**
 * Pings the server while a socket is open and calls `onSilent` once a ping has gone unanswered for
 * HEARTBEAT_TIMEOUT_MS. Any message from the server counts as an answer. Only one ping waits at a time, so a
 * background tab whose timers the browser slows down never mistakes its own slowness for a silent server.
 */
export class Heartbeat {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  private waitingSince: number | null = null;

  constructor(
    private readonly send: (ping: Ping) => void,
    private readonly onSilent: () => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  start(): void {
    this.stop();
    this.waitingSince = null;
    this.schedule();
  }

  heard(): void {
    this.waitingSince = null;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.tick(), HEARTBEAT_INTERVAL_MS);
  }

  private tick(): void {
    this.timer = null;
    if (this.waitingSince !== null && this.now() - this.waitingSince >= HEARTBEAT_TIMEOUT_MS) return this.onSilent();
    if (this.waitingSince === null) {
      this.waitingSince = this.now();
      this.send({ type: "ping", payload: { seq: ++this.seq }, meta: {} });
    }
    this.schedule();
  }
}
