import type { WebSocket } from "ws";

/** The refusal an address at SPECTATORS_PER_ADDRESS gets, on whichever node it asks. */
export const seatsTakenSentence = (max: number) =>
  `${max} spectators from your network already watch this session, the most one address may have. Close a tab that watches it, or ask the presenter to raise WB_SPECTATORS_PER_ADDRESS.`;

/** A seat: the spectator's socket, whose address it counts against, and how far behind it may fall. */
interface Seat {
  key: string;
  allowanceBytes: number;
}

/**
 * A session's spectators. Every message goes out as one Buffer shared by all sockets (ws writes it without a copy),
 * so an audience costs little more than one. A spectator whose unsent bytes pass its allowance is not reading:
 * it is dropped (its page reconnects and gets a fresh snapshot) instead of holding memory for it.
 */
export class Spectators {
  private readonly seats = new Map<WebSocket, Seat>();
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: { SPECTATORS: number; SPECTATORS_PER_ADDRESS: number; SPECTATOR_BACKLOG_BYTES: number }) {}

  get count(): number {
    return this.seats.size;
  }

  /** Why `key` may not take a seat now, or null. */
  refusal(key: string): string | null {
    if (this.seats.size >= this.limits.SPECTATORS) return this.fullSentence();
    if ((this.perAddress.get(key) ?? 0) >= this.limits.SPECTATORS_PER_ADDRESS) return seatsTakenSentence(this.limits.SPECTATORS_PER_ADDRESS);
    return null;
  }

  fullSentence(): string {
    return `This session is full (${this.limits.SPECTATORS} spectators). Ask the presenter to show the screen, or try again when someone leaves.`;
  }

  /** Seats the socket; `firstBytes` is what it is about to be sent on joining, on top of the backlog allowance. */
  add(ws: WebSocket, key: string, firstBytes: number, onLeave: () => void): void {
    this.seats.set(ws, { key, allowanceBytes: firstBytes + this.limits.SPECTATOR_BACKLOG_BYTES });
    this.perAddress.set(key, (this.perAddress.get(key) ?? 0) + 1);
    ws.on("close", () => {
      const seat = this.seats.get(ws);
      if (!seat) return;
      this.seats.delete(ws);
      const left = (this.perAddress.get(seat.key) ?? 1) - 1;
      if (left > 0) this.perAddress.set(seat.key, left);
      else this.perAddress.delete(seat.key);
      onLeave();
    });
  }

  /** Sends to one socket, dropping it when it is too far behind. */
  sendTo(ws: WebSocket, data: Buffer): void {
    const seat = this.seats.get(ws);
    if (!seat || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > seat.allowanceBytes) ws.terminate();
    else ws.send(data, { binary: false });
  }

  broadcast(data: Buffer): void {
    for (const ws of this.seats.keys()) this.sendTo(ws, data);
  }

  closeAll(code = 1000, reason = "session ended"): void {
    for (const ws of this.seats.keys()) ws.close(code, reason);
  }
}
