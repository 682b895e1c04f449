import type { WebSocket } from "ws";
import type { TraceEvent } from "../../protocol/trace.js";
import type { SessionRun, ViewState } from "../../protocol/session.js";
import type { ServerMessage } from "../../protocol/ws.js";
import type { ServerLimits } from "../limits.js";
import { SessionTrace } from "./session-trace.js";
import { Spectators } from "./spectators.js";
import { keyMatches, recordedEvents, type BusMessage, type SessionBus, type SessionState } from "./bus.js";

/** Batches sent to joiners after a cached snapshot, as a share of its size (and at least 1 MiB), before it is made again. */
const REBUILD_FRACTION = 0.5;
const REBUILD_MIN_BYTES = 1024 * 1024;
/** Events per part when a followed session's recorded trace is loaded, so the byte bound can trim it part by part. */
const LOAD_EVENTS_PER_PART = 500;
/** Closed with "service restart" so a spectator's browser reconnects, through the proxy, to a node still up. */
const CLOSE_RESTARTING = 1012;

/** A snapshot made once and sent to every joiner until the trace has grown enough since. */
interface Snapshot {
  data: Buffer;
  view: ViewState;
}

export type SessionLimits = Pick<ServerLimits, "SESSION_MAX_MS" | "SPECTATORS" | "SPECTATORS_PER_ADDRESS" | "SPECTATOR_BACKLOG_BYTES" | "SESSION_TRACE_BYTES">;
export interface SessionHooks {
  ended: (s: Session, reason: string) => void;
  unwatched: (s: Session) => void;
}

/**
 * One classroom session as this node sees it: the presenter's current run, its trace so far (bounded), the view
 * (pause, speed, cursor), and the spectators connected here. On the node holding the presenter's connection every
 * change is applied and published on the bus; other nodes receive the same changes from the bus. Each message is
 * serialised once into a Buffer all spectators share; a joiner gets the cached snapshot plus the batches since.
 */
export class Session {
  readonly code: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  lastActivity: number;
  presenterGoneSince: number | undefined;
  /** Set on the node holding the presenter's connection: the key that proves a returning presenter, and its address. */
  presenterKey: string | undefined;
  owner = "";
  private readonly keyHash: string;
  private run: SessionRun | undefined;
  private readonly trace: SessionTrace;
  private view: ViewState;
  private readonly spectators: Spectators;
  private readonly elsewhere = new Map<string, number>();
  private onAudience: ((count: number) => void) | undefined;
  private snapshot: Snapshot | undefined;
  /** Trace batches as broadcast since the cached snapshot was made, for joiners who get that snapshot. */
  private since: Buffer[] = [];
  private sinceBytes = 0;
  /** With several nodes: this session's place in its presenter's address count, held while presented here. */
  private slot: (() => void) | undefined;

  constructor(
    state: SessionState,
    private readonly limits: SessionLimits,
    private readonly bus: SessionBus,
    private readonly hooks: SessionHooks,
  ) {
    ({ code: this.code, createdAt: this.createdAt, expiresAt: this.expiresAt, keyHash: this.keyHash } = state.record);
    ({ run: this.run, view: this.view, lastActivity: this.lastActivity, presenterGoneSince: this.presenterGoneSince } = state);
    this.trace = new SessionTrace(limits.SESSION_TRACE_BYTES);
    for (let i = 0; i < state.events.length; i += LOAD_EVENTS_PER_PART) this.trace.add(JSON.stringify(state.events.slice(i, i + LOAD_EVENTS_PER_PART)));
    this.spectators = new Spectators(limits);
  }

  /** This node now holds the presenter's connection (a new session, or one taken back with its key). */
  present(key: string, owner: string, onAudience: (count: number) => void): this {
    Object.assign(this, { presenterKey: key, owner, onAudience, presenterGoneSince: undefined, lastActivity: Date.now() });
    this.publish({ kind: "presenter", node: this.bus.node });
    return this;
  }

  /** Holds the presenter's slot in the cluster's count until the session ends or is presented elsewhere. */
  holdSlot(release: () => void): void {
    this.releaseSlot();
    this.slot = release;
  }

  private releaseSlot(): void {
    this.slot?.();
    this.slot = undefined;
  }

  get presenting(): boolean {
    return this.presenterKey !== undefined;
  }

  /** True for the presenter's own key, while the presenter is away (a second tab cannot take a live session). */
  canReclaim(key: string): boolean {
    return this.presenterGoneSince !== undefined && keyMatches(key, this.keyHash);
  }

  /** Spectators on every node. */
  get spectatorCount(): number {
    let count = this.spectators.count;
    for (const n of this.elsewhere.values()) count += n;
    return count;
  }

  get watchedHere(): boolean {
    return this.spectators.count > 0;
  }

  get currentRunId(): string | undefined {
    return this.run?.runId;
  }

  /** Characters of trace the session holds for late joiners (about bytes: trace JSON is mostly ASCII). */
  get storedTraceBytes(): number {
    return this.trace.storedBytes;
  }

  startRun(run: SessionRun): void {
    this.change({ kind: "run", run });
  }

  addEvents(runId: string, events: TraceEvent[]): void {
    if (runId !== this.run?.runId || events.length === 0) return;
    // Once the trace kept here is full, the shared record (Redis) keeps only what builds the graph, as this one does.
    const recorded = this.trace.storedBytes < this.limits.SESSION_TRACE_BYTES ? "all" : "lifecycle";
    this.change({ kind: "trace", runId, events, recorded });
  }

  setView(view: ViewState): void {
    this.change({ kind: "view", view });
  }

  presenterLeft(): void {
    this.change({ kind: "presenter", node: this.bus.node, goneSince: Date.now() });
  }

  /** A change, from this node's presenter or from the node where the presenter is. */
  receive(m: BusMessage): void {
    if (m.kind === "run") {
      this.run = m.run;
      this.trace.clear();
      this.dropSnapshot();
      this.lastActivity = Date.now();
      this.spectators.broadcast(encode({ type: "session/run", payload: m.run, meta: {} }));
    } else if (m.kind === "trace") this.showEvents(m);
    else if (m.kind === "view") {
      this.view = m.view;
      this.lastActivity = Date.now();
      this.spectators.broadcast(encode({ type: "session/view", payload: m.view, meta: {} }));
    } else if (m.kind === "audience") {
      this.elsewhere.set(m.node, m.spectators);
      this.onAudience?.(this.spectatorCount);
    } else if (m.kind === "presenter") {
      this.presenterGoneSince = m.goneSince;
      // The presenter came back on another node, which publishes from now on.
      if (m.node !== this.bus.node) {
        Object.assign(this, { presenterKey: undefined, onAudience: undefined, owner: "" });
        this.releaseSlot();
      }
    } else this.hooks.ended(this, m.reason);
  }

  /** Why this address may not watch now, or null. */
  joinRefusal(key: string): string | null {
    if (this.spectatorCount >= this.limits.SPECTATORS) return this.spectators.fullSentence();
    return this.spectators.refusal(key);
  }

  /** Seats a spectator (check `joinRefusal` first) and sends it everything so far. */
  join(ws: WebSocket, key: string): void {
    this.snapshot ??= this.makeSnapshot();
    const snapshot = this.snapshot;
    const since = this.since;
    const view = this.view !== snapshot.view ? encode({ type: "session/view", payload: this.view, meta: {} }) : undefined;
    this.spectators.add(ws, key, snapshot.data.length + this.sinceBytes + (view?.length ?? 0), () => {
      this.audienceChanged();
      if (!this.watchedHere && !this.presenting) this.hooks.unwatched(this);
    });
    this.spectators.sendTo(ws, snapshot.data);
    for (const data of since) this.spectators.sendTo(ws, data);
    if (view) this.spectators.sendTo(ws, view);
    this.audienceChanged();
  }

  /** Ends the session on every node. */
  close(reason: string): void {
    this.publish({ kind: "ended", reason });
    this.end(reason);
  }

  /** Ends it for this node's spectators. */
  end(reason: string): void {
    this.releaseSlot();
    this.spectators.broadcast(encode({ type: "session/ended", payload: { reason }, meta: {} }));
    this.spectators.closeAll();
  }

  /** This node is going away but the session lives on elsewhere: its spectators reconnect to another node. */
  leave(): void {
    if (this.presenting) this.presenterLeft();
    this.releaseSlot();
    this.spectators.closeAll(CLOSE_RESTARTING, "node restarting");
  }

  /** A change made on this node: shown to its spectators, then sent to the other nodes. */
  private change(m: BusMessage): void {
    this.receive(m);
    this.publish(m);
  }

  private publish(m: BusMessage): void {
    this.bus.publish(this.code, m).catch((err: Error) => console.error(`session ${this.code}: a change could not reach the other nodes: ${err.message}`));
  }

  private audienceChanged(): void {
    this.onAudience?.(this.spectatorCount);
    this.publish({ kind: "audience", node: this.bus.node, spectators: this.spectators.count });
  }

  private showEvents(m: Extract<BusMessage, { kind: "trace" }>): void {
    if (m.runId !== this.run?.runId || m.events.length === 0) return;
    const eventsJson = JSON.stringify(m.events);
    this.trace.add(m.recorded === "all" ? eventsJson : JSON.stringify(recordedEvents(m)));
    const data = Buffer.from(`{"type":"trace","payload":{"events":${eventsJson}},"meta":{"runId":${JSON.stringify(m.runId)}}}`);
    if (this.snapshot) {
      this.since.push(data);
      this.sinceBytes += data.length;
      if (this.sinceBytes > Math.max(REBUILD_MIN_BYTES, this.snapshot.data.length * REBUILD_FRACTION)) this.dropSnapshot();
    }
    this.spectators.broadcast(data);
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
