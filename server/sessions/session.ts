import { randomBytes, timingSafeEqual } from "node:crypto";
import type { WebSocket } from "ws";
import type { TraceEvent } from "../../protocol/trace.js";
import type { SessionRun, ViewState } from "../../protocol/session.js";
import type { ServerMessage } from "../../protocol/ws.js";
import type { ServerLimits } from "../limits.js";
import { SessionTrace } from "./session-trace.js";
import { Spectators } from "./spectators.js";

/** Batches sent to joiners after a cached snapshot, as a share of its size (and at least 1 MiB), before it is made again. */
const REBUILD_FRACTION = 0.5;
const REBUILD_MIN_BYTES = 1024 * 1024;

/** A snapshot made once and sent to every joiner until the trace has grown enough since. */
interface Snapshot { data: Buffer; view: ViewState }

export type SessionLimits = Pick<ServerLimits, "SESSION_MAX_MS" | "SPECTATORS" | "SPECTATORS_PER_ADDRESS" | "SPECTATOR_BACKLOG_BYTES" | "SESSION_TRACE_BYTES">;

/**
 * One classroom session: the presenter's current run, its trace so far (bounded), and the view (pause, speed,
 * cursor) mirrored to every spectator. Each message is serialised once into a Buffer all spectators share; a
 * joiner gets the cached snapshot plus the batches since, so joining a long run does not serialise it again.
 */
export class Session {
  readonly createdAt = Date.now();
  /** Proves a reconnecting presenter is the one who opened the session. */
  readonly presenterKey = randomBytes(18).toString("base64url");
  readonly expiresAt: number;
  lastActivity = Date.now();
  presenterGoneSince: number | undefined;
  private run: SessionRun | undefined;
  private readonly trace: SessionTrace;
  private view: ViewState = { paused: false, speed: 1 };
  private readonly spectators: Spectators;
  private snapshot: Snapshot | undefined;
  /** Trace batches as broadcast since the cached snapshot was made, for joiners who get that snapshot. */
  private since: Buffer[] = [];
  private sinceBytes = 0;

  constructor(readonly code: string, readonly owner: string, limits: SessionLimits, private onAudience: (count: number) => void) {
    this.expiresAt = this.createdAt + limits.SESSION_MAX_MS;
    this.trace = new SessionTrace(limits.SESSION_TRACE_BYTES);
    this.spectators = new Spectators(limits);
  }

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
    return this.spectators.count;
  }

  get currentRunId(): string | undefined {
    return this.run?.runId;
  }

  /** Characters of trace the session holds for late joiners (about bytes: trace JSON is mostly ASCII). */
  get storedTraceBytes(): number {
    return this.trace.storedBytes;
  }

  startRun(run: SessionRun): void {
    this.run = run;
    this.trace.clear();
    this.dropSnapshot();
    this.lastActivity = Date.now();
    this.spectators.broadcast(encode({ type: "session/run", payload: run, meta: {} }));
  }

  addEvents(runId: string, events: TraceEvent[]): void {
    if (runId !== this.run?.runId || events.length === 0) return;
    const eventsJson = JSON.stringify(events);
    this.trace.add(eventsJson);
    const data = Buffer.from(`{"type":"trace","payload":{"events":${eventsJson}},"meta":{"runId":${JSON.stringify(runId)}}}`);
    if (this.snapshot) {
      this.since.push(data);
      this.sinceBytes += data.length;
      if (this.sinceBytes > Math.max(REBUILD_MIN_BYTES, this.snapshot.data.length * REBUILD_FRACTION)) this.dropSnapshot();
    }
    this.spectators.broadcast(data);
  }

  setView(view: ViewState): void {
    this.view = view;
    this.lastActivity = Date.now();
    this.spectators.broadcast(encode({ type: "session/view", payload: view, meta: {} }));
  }

  /** Why this address may not watch now, or null. */
  joinRefusal(key: string): string | null {
    return this.spectators.refusal(key);
  }

  /** Seats a spectator (check `joinRefusal` first) and sends it everything so far. */
  join(ws: WebSocket, key: string): void {
    this.snapshot ??= this.makeSnapshot();
    const snapshot = this.snapshot;
    const since = this.since;
    const view = this.view !== snapshot.view ? encode({ type: "session/view", payload: this.view, meta: {} }) : undefined;
    this.spectators.add(ws, key, snapshot.data.length + this.sinceBytes + (view?.length ?? 0), () => this.onAudience(this.spectators.count));
    this.spectators.sendTo(ws, snapshot.data);
    for (const data of since) this.spectators.sendTo(ws, data);
    if (view) this.spectators.sendTo(ws, view);
    this.onAudience(this.spectators.count);
  }

  end(reason: string): void {
    this.spectators.broadcast(encode({ type: "session/ended", payload: { reason }, meta: {} }));
    this.spectators.closeAll();
  }

  private makeSnapshot(): Snapshot {
    const payloadHead = JSON.stringify({ code: this.code, ...(this.run ? { run: this.run } : {}) }).slice(0, -1);
    const text = `{"type":"session/snapshot","payload":${payloadHead},"events":${this.trace.eventsJson()},"view":${JSON.stringify(this.view)}},"meta":{}}`;
    return { data: Buffer.from(text), view: this.view };
  }

  private dropSnapshot(): void {
    this.snapshot = undefined;
    this.since = [];
    this.sinceBytes = 0;
  }
}

function encode(message: ServerMessage): Buffer {
  return Buffer.from(JSON.stringify(message));
}
