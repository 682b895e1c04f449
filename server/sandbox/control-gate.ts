/**
 * Which control messages for one run may go to its program: each small enough, and no more than a steady rate
 * with a burst of the same size. A client (or a page script) sending megabytes of controls in a loop to a program
 * that never reads them would otherwise fill the server's memory.
 */
export class ControlGate {
  private tokens: number;
  private last = performance.now();
  /** Messages refused, for the run's report. */
  refused = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly perSecond: number,
  ) {
    this.tokens = perSecond;
  }

  /** The message as a JSON-safe value when it may pass; undefined when it is too big, too many, or not JSON. */
  admit(message: unknown): unknown {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    let json: string | undefined;
    try {
      json = JSON.stringify(message);
    } catch {
      json = undefined;
    }
    if (json === undefined || Buffer.byteLength(json, "utf8") > this.maxBytes || this.tokens < 1) {
      this.refused++;
      return undefined;
    }
    this.tokens -= 1;
    return message;
  }
}
