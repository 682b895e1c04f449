/** A trace batch is known by its length and first bytes: the presenter's copy and each spectator's are the same JSON. */
const keyOf = (text: string) => `${text.length}:${text.slice(0, 200)}`;

/**
 * Lag of each spectator's copy of each trace batch behind the presenter's copy, both stamped in this process (one
 * clock). A spectator batch the presenter never got counts as missing.
 */
export class SpectatorLag {
  private readonly presenterAt = new Map<string, number>();
  private readonly received: Array<{ key: string; at: number }> = [];

  /** The presenter got a trace message (parsed); stamped with its JSON as the server relays it. */
  presenterGot(message: { payload: unknown; meta: unknown }): void {
    this.presenterAt.set(keyOf(JSON.stringify({ type: "trace", payload: message.payload, meta: message.meta })), performance.now());
  }

  /** A spectator got a frame; only trace batches are stamped. */
  spectatorGot(frame: string, at = performance.now()): void {
    if (frame.startsWith('{"type":"trace"')) this.received.push({ key: keyOf(frame), at });
  }

  result(): { lags: number[]; missing: number; batches: number } {
    const lags: number[] = [];
    let missing = 0;
    for (const r of this.received) {
      const t = this.presenterAt.get(r.key);
      if (t === undefined) missing++;
      else lags.push(Math.max(0, r.at - t));
    }
    return { lags, missing, batches: this.presenterAt.size };
  }
}
