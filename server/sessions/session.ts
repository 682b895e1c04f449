import { randomBytes, timingSafeEqual } from "node:crypto";
import type { WebSocket } from "ws";
import type { TraceEvent } from "../../protocol/trace.js";
import type { SessionRun, ViewState } from "../../protocol/session.js";
import type { ServerMessage } from "../../protocol/ws.js";
import { SESSION_LIMITS } from "./limits.js";
import { appendAll } from "../util/append-all.js";

const isMessageEvent = (e: TraceEvent) => e.type === "message/send" || e.type === "message/recv" || e.type === "rates";

/**
 * One classroom session: the presenter's current run, its trace so far, and the view (pause, speed, cursor)
 * mirrored to every spectator. Each broadcast is serialized once, whatever the audience.
 */
export class Session {
  readonly createdAt = Date.now();
  /** Proves a reconnecting presenter is the one who opened the session. */
  readonly presenterKey = randomBytes(18).toString("base64url");
  readonly expiresAt = this.createdAt + SESSION_LIMITS.SESSION_MAX_MS;
  lastActivity = Date.now();
  presenterGoneSince: number | undefined;
  private run: SessionRun | undefined;
  private events: TraceEvent[] = [];
  private view: ViewState = { paused: false, speed: 1 };
  private readonly spectators = new Set<WebSocket>();

  constructor(readonly code: string, private onAudience: (count: number) => void) {}

  /** The returning presenter's connection now hears about the audience. */
  reclaim(onAudience: (count: number) => void): this {
    this.onAudience = onAudience;
    this.presenterGoneSince = undefined;
    this.lastActivity = Date.now();
    return this;
  }

  /** True for the presenter's own key, while the presenter is away (a second tab cannot take a live session). */
  canReclaim(key: string): boolean {
    const a = Buffer.from(key);
    const b = Buffer.from(this.presenterKey);
    return this.presenterGoneSince !== undefined && a.length === b.length && timingSafeEqual(a, b);
  }

  get spectatorCount(): number {
    return this.spectators.size;
  }

  get currentRunId(): string | undefined {
    return this.run?.runId;
  }

  startRun(run: SessionRun): void {
    this.run = run;
    this.events = [];
    this.lastActivity = Date.now();
    this.broadcast({ type: "session/run", payload: run, meta: {} });
  }

  addEvents(runId: string, events: TraceEvent[]): void {
    if (runId !== this.run?.runId) return;
    const room = SESSION_LIMITS.RECORDED_EVENTS - this.events.length;
    appendAll(this.events, room >= events.length ? events : events.filter((e) => !isMessageEvent(e)));
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

  setView(view: ViewState): void {
    this.view = view;
    this.lastActivity = Date.now();
    this.broadcast({ type: "session/view", payload: view, meta: {} });
  }

  /** Adds a spectator and sends it everything so far. False when the session is full. */
  join(ws: WebSocket): boolean {
    if (this.spectators.size >= SESSION_LIMITS.SPECTATORS) return false;
    this.spectators.add(ws);
    ws.send(JSON.stringify({
      type: "session/snapshot",
      payload: { code: this.code, ...(this.run ? { run: this.run } : {}), events: this.events, view: this.view },
      meta: {},
    } satisfies ServerMessage));
    ws.on("close", () => {
      this.spectators.delete(ws);
      this.onAudience(this.spectators.size);
    });
    this.onAudience(this.spectators.size);
    return true;
  }

  end(reason: string): void {
    this.broadcast({ type: "session/ended", payload: { reason }, meta: {} });
    for (const ws of this.spectators) ws.close(1000, "session ended");
    this.spectators.clear();
  }

  private broadcast(message: ServerMessage): void {
    const text = JSON.stringify(message);
    for (const ws of this.spectators) ws.send(text);
  }
}
