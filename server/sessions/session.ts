import type { WebSocket } from "ws";
import type { TraceEvent } from "../../protocol/trace.js";
import type { SessionRun, ViewState } from "../../protocol/session.js";
import type { ServerMessage } from "../../protocol/ws.js";
import { SESSION_LIMITS } from "./limits.js";
import { isMessageEvent, keyMatches, recordedEvents, type BusMessage, type SessionBus, type SessionState } from "./bus.js";

/** Closed with "service restart" so a spectator's browser reconnects, through the proxy, to a node still up. */
const CLOSE_RESTARTING = 1012;

/**
 * One classroom session as this node sees it: the presenter's current run, its trace so far, the view (pause,
 * speed, cursor), and the spectators connected here. On the node where the presenter is, every change is applied
 * and published on the bus; on other nodes the same changes arrive from the bus. Each broadcast to this node's
 * spectators is serialized once, whatever the audience.
 */
export class Session {
  readonly code: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  lastActivity: number;
  presenterGoneSince: number | undefined;
  /** Set on the node holding the presenter's connection, with the key that proves a returning presenter. */
  presenterKey: string | undefined;
  private readonly keyHash: string;
  private run: SessionRun | undefined;
  private events: TraceEvent[];
  private view: ViewState;
  private readonly spectators = new Set<WebSocket>();
  private readonly elsewhere = new Map<string, number>();
  private onAudience: ((count: number) => void) | undefined;

  constructor(state: SessionState, private readonly bus: SessionBus, private readonly hooks: { ended: (s: Session, reason: string) => void; unwatched: (s: Session) => void }) {
    ({ code: this.code, createdAt: this.createdAt, expiresAt: this.expiresAt, keyHash: this.keyHash } = state.record);
    ({ run: this.run, events: this.events, view: this.view, lastActivity: this.lastActivity, presenterGoneSince: this.presenterGoneSince } = state);
  }

  /** This node now holds the presenter's connection (a new session, or one taken back with its key). */
  present(key: string, onAudience: (count: number) => void): this {
    this.presenterKey = key;
    this.onAudience = onAudience;
    this.presenterGoneSince = undefined;
    this.lastActivity = Date.now();
    this.publish({ kind: "presenter", node: this.bus.node });
    return this;
  }

  get presenting(): boolean {
    return this.presenterKey !== undefined;
  }

  /** True for the presenter's own key, while the presenter is away (a second tab cannot take a live session). */
  canReclaim(key: string): boolean {
    return this.presenterGoneSince !== undefined && keyMatches(key, this.keyHash);
  }

  get spectatorCount(): number {
    let count = this.spectators.size;
    for (const n of this.elsewhere.values()) count += n;
    return count;
  }

  get watchedHere(): boolean {
    return this.spectators.size > 0;
  }

  get currentRunId(): string | undefined {
    return this.run?.runId;
  }

  startRun(run: SessionRun): void {
    this.change({ kind: "run", run });
  }

  addEvents(runId: string, events: TraceEvent[]): void {
    const room = SESSION_LIMITS.RECORDED_EVENTS - this.events.length;
    this.change({ kind: "trace", runId, events, recorded: room >= events.length ? "all" : "lifecycle" });
  }

  setView(view: ViewState): void {
    this.change({ kind: "view", view });
  }

  presenterLeft(): void {
    this.change({ kind: "presenter", node: this.bus.node, goneSince: Date.now() });
  }

  /** A change made on this node: shown to its spectators, then sent to the other nodes. */
  private change(m: BusMessage): void {
    this.receive(m);
    this.publish(m);
  }

  private publish(m: BusMessage): void {
    this.bus.publish(this.code, m).catch((err: Error) => console.error(`session ${this.code}: the change could not reach the other nodes: ${err.message}`));
  }

  /** A change, from this node's presenter or from the node where the presenter is. */
  receive(m: BusMessage): void {
    switch (m.kind) {
      case "run":
        this.run = m.run;
        this.events = [];
        this.lastActivity = Date.now();
        return this.broadcast({ type: "session/run", payload: m.run, meta: {} });
      case "trace": return this.showEvents(m);
      case "view":
        this.view = m.view;
        this.lastActivity = Date.now();
        return this.broadcast({ type: "session/view", payload: m.view, meta: {} });
      case "audience":
        this.elsewhere.set(m.node, m.spectators);
        return this.onAudience?.(this.spectatorCount);
      case "presenter":
        this.presenterGoneSince = m.goneSince;
        if (m.node !== this.bus.node && this.presenting) {
          this.presenterKey = undefined; // the presenter came back on another node, which publishes from now on
          this.onAudience = undefined;
        }
        return;
      case "ended": return this.hooks.ended(this, m.reason);
    }
  }

  private showEvents(m: Extract<BusMessage, { kind: "trace" }>): void {
    const { runId, events } = m;
    if (runId !== this.run?.runId) return;
    this.events.push(...recordedEvents(m));
    if (this.spectators.size === 0) return;
    const full = JSON.stringify({ type: "trace", payload: { events }, meta: { runId } } satisfies ServerMessage);
    let lean: string | undefined;
    for (const ws of this.spectators) {
      if (ws.bufferedAmount <= SESSION_LIMITS.SPECTATOR_BACKLOG_BYTES) ws.send(full);
      else {
        lean ??= JSON.stringify({ type: "trace", payload: { events: events.filter((e) => !isMessageEvent(e)) }, meta: { runId } });
        ws.send(lean);
      }
    }
  }

  /** Adds a spectator and sends it everything so far. False when the session is full. */
  join(ws: WebSocket): boolean {
    if (this.spectatorCount >= SESSION_LIMITS.SPECTATORS) return false;
    this.spectators.add(ws);
    ws.send(JSON.stringify({
      type: "session/snapshot",
      payload: { code: this.code, ...(this.run ? { run: this.run } : {}), events: this.events, view: this.view },
      meta: {},
    } satisfies ServerMessage));
    ws.on("close", () => {
      if (!this.spectators.delete(ws)) return;
      this.audienceChanged();
      if (this.spectators.size === 0 && !this.presenting) this.hooks.unwatched(this);
    });
    this.audienceChanged();
    return true;
  }

  private audienceChanged(): void {
    this.onAudience?.(this.spectatorCount);
    this.publish({ kind: "audience", node: this.bus.node, spectators: this.spectators.size });
  }

  /** Ends the session for the whole cluster. */
  close(reason: string): void {
    this.publish({ kind: "ended", reason });
    this.end(reason);
  }

  /** Ends it for this node's spectators. */
  end(reason: string): void {
    this.broadcast({ type: "session/ended", payload: { reason }, meta: {} });
    for (const ws of this.spectators) ws.close(1000, "session ended");
    this.spectators.clear();
  }

  /** This node is going away but the session lives on: its spectators reconnect to another node. */
  leave(): void {
    if (this.presenting) this.presenterLeft();
    for (const ws of this.spectators) ws.close(CLOSE_RESTARTING, "node restarting");
    this.spectators.clear();
  }

  private broadcast(message: ServerMessage): void {
    if (this.spectators.size === 0) return;
    const text = JSON.stringify(message);
    for (const ws of this.spectators) ws.send(text);
  }
}
