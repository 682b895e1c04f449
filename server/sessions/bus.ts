import { createHash, timingSafeEqual } from "node:crypto";
import type { TraceEvent } from "../../protocol/trace.js";
import type { SessionRun, ViewState } from "../../protocol/session.js";
import { appendAll } from "../util/append-all.js";

/**
 * How the nodes of a cluster share classroom sessions: the node where the presenter is publishes every change,
 * and every node with spectators of that session follows it. In one process (the default) it is a map in memory;
 * across nodes it is Redis (keys for what late joiners need, pub/sub for the rest).
 */
export interface SessionBus {
  /** This node's name, unique in the cluster. */
  readonly node: string;
  /** Claims a join code for a new session in the whole cluster; false when a session already has it. */
  reserve(record: SessionRecord): Promise<boolean>;
  /** Whether a session with this code is open anywhere. */
  exists(code: string): Promise<boolean>;
  /** Sends a change to every node following the session and records what a late joiner needs. */
  publish(code: string, message: BusMessage): Promise<void>;
  /** The state so far, then every later change from other nodes in order, until `stop`; undefined if none. */
  follow(code: string, onMessage: (message: BusMessage) => void): Promise<Following | undefined>;
  /** Makes this node the presenter's when `key` is the presenter's and the presenter is away; false otherwise. */
  claim(code: string, key: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface Following {
  state: SessionState;
  stop(): Promise<void>;
}

export type BusMessage =
  | { kind: "run"; run: SessionRun }
  /** `recorded`: whether late joiners get every event of this batch or, once the recording is full, all but messages. */
  | { kind: "trace"; runId: string; events: TraceEvent[]; recorded: "all" | "lifecycle" }
  | { kind: "view"; view: ViewState }
  | { kind: "audience"; node: string; spectators: number }
  /** The presenter left (`goneSince`), or is back, on `node`. */
  | { kind: "presenter"; node: string; goneSince?: number }
  | { kind: "ended"; reason: string };

export interface SessionRecord {
  code: string;
  /** SHA-256 of the presenter's key: the key itself never leaves the node that made it. */
  keyHash: string;
  createdAt: number;
  expiresAt: number;
}

export interface SessionState {
  record: SessionRecord;
  presenterNode: string;
  presenterGoneSince?: number;
  run?: SessionRun;
  events: TraceEvent[];
  view: ViewState;
  lastActivity: number;
}

export const isMessageEvent = (e: TraceEvent) => e.type === "message/send" || e.type === "message/recv" || e.type === "rates";

/** The events of a trace batch that late joiners will be sent. */
export const recordedEvents = (m: Extract<BusMessage, { kind: "trace" }>) => (m.recorded === "all" ? m.events : m.events.filter((e) => !isMessageEvent(e)));

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

export function keyMatches(key: string, keyHash: string): boolean {
  const a = Buffer.from(hashKey(key));
  const b = Buffer.from(keyHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A followed session's state after one more change: the same rule everywhere a state is kept. */
export function applyToState(state: SessionState, m: BusMessage, now = Date.now()): void {
  if (m.kind === "run") Object.assign(state, { run: m.run, events: [], lastActivity: now });
  else if (m.kind === "trace" && m.runId === state.run?.runId) appendAll(state.events, recordedEvents(m));
  else if (m.kind === "view") Object.assign(state, { view: m.view, lastActivity: now });
  else if (m.kind === "presenter") Object.assign(state, { presenterNode: m.node, presenterGoneSince: m.goneSince });
}
