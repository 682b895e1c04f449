import type { Redis } from "ioredis";
import type { BusMessage, Following, SessionBus, SessionRecord, SessionState } from "./bus.js";
import { keyMatches, recordedEvents } from "./bus.js";

const PREFIX = "wb:session:";
const keys = (code: string) => ({ state: `${PREFIX}${code}`, events: `${PREFIX}${code}:events`, channel: `${PREFIX}${code}:changes` });

// One change, atomically: number it, update what late joiners read, publish it. A follower that reads the state
// at number N then skips every published change numbered N or lower, so it neither misses nor repeats one.
const PUBLISH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
if ARGV[2] == 'reset' then redis.call('DEL', KEYS[2]) end
if ARGV[2] == 'end' then redis.call('DEL', KEYS[1], KEYS[2]) end
if ARGV[3] ~= '' then redis.call('RPUSH', KEYS[2], ARGV[3]); redis.call('PEXPIREAT', KEYS[2], redis.call('HGET', KEYS[1], 'expiresAt')) end
redis.call('PUBLISH', KEYS[3], seq .. ' ' .. ARGV[1])
return seq`;

// A join code is taken for the whole cluster, with everything a follower reads, or not at all.
const RESERVE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
return 1`;

// The presenter's key is checked by the caller; here only "is the presenter away", and the move, atomically.
const CLAIM = `
if redis.call('HGET', KEYS[1], 'presenterGoneSince') == false then return 0 end
if redis.call('HGET', KEYS[1], 'presenterGoneSince') == '' then return 0 end
redis.call('HSET', KEYS[1], 'presenterGoneSince', '', 'presenterNode', ARGV[1])
return 1`;

/** Sessions shared by every node through Redis: a hash and a list per session, and a pub/sub channel. */
export class RedisBus implements SessionBus {
  private readonly subscriber: Redis;
  private readonly followers = new Map<string, Set<(seq: number, m: BusMessage) => void>>();

  constructor(
    readonly node: string,
    private readonly redis: Redis,
  ) {
    this.subscriber = redis.duplicate();
    this.subscriber.on("error", () => {}); // ioredis reconnects by itself; commands report their own errors
    this.subscriber.on("message", (channel: string, text: string) => {
      const space = text.indexOf(" ");
      const envelope = JSON.parse(text.slice(space + 1)) as { from: string; message: BusMessage };
      if (envelope.from === this.node) return;
      const seq = Number(text.slice(0, space));
      for (const deliver of this.followers.get(channel) ?? []) deliver(seq, envelope.message);
    });
  }

  async reserve(r: SessionRecord): Promise<boolean> {
    const fields = {
      ...r,
      seq: 0,
      presenterNode: this.node,
      presenterGoneSince: "",
      view: JSON.stringify({ paused: false, speed: 1 }),
      run: "",
      lastActivity: Date.now(),
    };
    const created = await this.redis.eval(RESERVE, 1, keys(r.code).state, r.expiresAt, ...Object.entries(fields).flat().map(String));
    return created === 1;
  }

  async exists(code: string): Promise<boolean> {
    return (await this.redis.exists(keys(code).state)) === 1;
  }

  async publish(code: string, m: BusMessage): Promise<void> {
    const k = keys(code);
    const now = String(Date.now());
    const fields: string[] =
      m.kind === "run"
        ? ["run", JSON.stringify(m.run), "lastActivity", now]
        : m.kind === "view"
          ? ["view", JSON.stringify(m.view), "lastActivity", now]
          : m.kind === "presenter"
            ? ["presenterNode", m.node, "presenterGoneSince", m.goneSince === undefined ? "" : String(m.goneSince)]
            : [];
    const step = m.kind === "run" ? "reset" : m.kind === "ended" ? "end" : "";
    const recorded = m.kind === "trace" ? recordedEvents(m) : [];
    const push = recorded.length > 0 ? JSON.stringify({ runId: (m as { runId: string }).runId, events: recorded }) : "";
    await this.redis.eval(PUBLISH, 3, k.state, k.events, k.channel, JSON.stringify({ from: this.node, message: m }), step, push, ...fields);
  }

  async follow(code: string, onMessage: (message: BusMessage) => void): Promise<Following | undefined> {
    const k = keys(code);
    let readAt: number | undefined;
    const early: Array<[number, BusMessage]> = [];
    const deliver = (seq: number, m: BusMessage) => {
      if (readAt === undefined) early.push([seq, m]);
      else if (seq > readAt) onMessage(m);
    };
    const set = this.followers.get(k.channel) ?? new Set();
    this.followers.set(k.channel, set.add(deliver));
    if (set.size === 1) await this.subscriber.subscribe(k.channel);
    const stop = async () => {
      set.delete(deliver);
      if (set.size === 0 && this.followers.get(k.channel) === set) {
        this.followers.delete(k.channel);
        await this.subscriber.unsubscribe(k.channel).catch(() => {});
      }
    };
    const [[, hash], [, batches]] = (await this.redis.multi().hgetall(k.state).lrange(k.events, 0, -1).exec()) as [
      [null, Record<string, string>],
      [null, string[]],
    ];
    if (!hash.code || !hash.expiresAt) {
      await stop();
      return undefined;
    }
    const state = stateFrom(hash, batches);
    readAt = Number(hash.seq);
    for (const [seq, m] of early.splice(0)) if (seq > readAt) onMessage(m);
    return { state, stop };
  }

  async claim(code: string, key: string): Promise<boolean> {
    const k = keys(code);
    const keyHash = await this.redis.hget(k.state, "keyHash");
    if (!keyHash || !keyMatches(key, keyHash)) return false;
    return (await this.redis.eval(CLAIM, 1, k.state, this.node)) === 1;
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
  }
}

function stateFrom(hash: Record<string, string>, batches: string[]): SessionState {
  const run = hash.run ? (JSON.parse(hash.run) as SessionState["run"]) : undefined;
  const events = batches.flatMap((b) => {
    const batch = JSON.parse(b) as { runId: string; events: SessionState["events"] };
    return batch.runId === run?.runId ? batch.events : [];
  });
  return {
    record: { code: hash.code, keyHash: hash.keyHash, createdAt: Number(hash.createdAt), expiresAt: Number(hash.expiresAt) },
    presenterNode: hash.presenterNode,
    ...(hash.presenterGoneSince ? { presenterGoneSince: Number(hash.presenterGoneSince) } : {}),
    ...(run ? { run } : {}),
    events,
    view: JSON.parse(hash.view) as SessionState["view"],
    lastActivity: Number(hash.lastActivity),
  };
}
