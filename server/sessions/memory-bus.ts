import type { BusMessage, Following, SessionBus, SessionRecord, SessionState } from "./bus.js";
import { applyToState, keyMatches } from "./bus.js";

type Listener = { node: string; onMessage: (message: BusMessage) => void };

/** What several in-memory buses share: one process standing in for Redis (one node, or nodes in a test). */
export class MemoryBusNetwork {
  readonly states = new Map<string, SessionState>();
  readonly listeners = new Map<string, Set<Listener>>();
}

/** The default bus: sessions live in this process's memory, with nothing to install. */
export class MemoryBus implements SessionBus {
  constructor(
    readonly node = "local",
    private readonly net = new MemoryBusNetwork(),
  ) {}

  async reserve(record: SessionRecord): Promise<boolean> {
    this.expire(record.code);
    if (this.net.states.has(record.code)) return false;
    this.net.states.set(record.code, { record, presenterNode: this.node, events: [], view: { paused: false, speed: 1 }, lastActivity: Date.now() });
    return true;
  }

  async exists(code: string): Promise<boolean> {
    this.expire(code);
    return this.net.states.has(code);
  }

  async publish(code: string, message: BusMessage): Promise<void> {
    const state = this.net.states.get(code);
    if (!state) return;
    if (message.kind === "ended") this.net.states.delete(code);
    else applyToState(state, message);
    for (const l of this.net.listeners.get(code) ?? []) if (l.node !== this.node) l.onMessage(structuredClone(message));
  }

  async follow(code: string, onMessage: (message: BusMessage) => void): Promise<Following | undefined> {
    this.expire(code);
    const state = this.net.states.get(code);
    if (!state) return undefined;
    const listener = { node: this.node, onMessage };
    const set = this.net.listeners.get(code) ?? new Set<Listener>();
    this.net.listeners.set(code, set.add(listener));
    return {
      state: structuredClone(state),
      stop: async () => {
        set.delete(listener);
        if (set.size === 0 && this.net.listeners.get(code) === set) this.net.listeners.delete(code);
      },
    };
  }

  async claim(code: string, key: string): Promise<boolean> {
    const state = this.net.states.get(code);
    if (!state || state.presenterGoneSince === undefined || !keyMatches(key, state.record.keyHash)) return false;
    state.presenterGoneSince = undefined;
    state.presenterNode = this.node;
    return true;
  }

  async close(): Promise<void> {}

  private expire(code: string): void {
    const state = this.net.states.get(code);
    if (state && Date.now() >= state.record.expiresAt) this.net.states.delete(code);
  }
}
