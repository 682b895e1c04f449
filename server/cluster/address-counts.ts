import type { Redis } from "ioredis";

/** A slot taken, to give back once; or the count that stood in the way. */
export type Taken = { ok: true; release: () => void } | { ok: false; count: number };

const PREFIX = "wb:count:";
const NODES = `${PREFIX}nodes`;
// A count no longer touched is dropped after this long, a backstop for addresses whose every node died: far past
// anything a slot is held for (a session or a run lasts at most 30 minutes, plus its queue).
const KEEP_MS = 6 * 60 * 60_000;

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// One hash per (kind, address): a field per node with that node's count. A node whose heartbeat is older than
// ARGV[3] ms no longer counts (it died); one gone from the node list altogether loses its field.
const TAKE = `${NOW}
local alive = now - tonumber(ARGV[3])
local entries = redis.call('HGETALL', KEYS[1])
local sum = 0
for i = 1, #entries, 2 do
  local node = entries[i]
  local seen = redis.call('ZSCORE', KEYS[2], node)
  if node == ARGV[1] or (seen and tonumber(seen) >= alive) then sum = sum + tonumber(entries[i + 1])
  elseif not seen then redis.call('HDEL', KEYS[1], node) end
end
if sum >= tonumber(ARGV[2]) then return {0, sum} end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, sum + 1}`;

const RELEASE = `
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;

// The node says it is alive; nodes silent for an hour leave the list (their fields go at the next take).
const HEARTBEAT = `${NOW}
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 3600000)
return now`;

/**
 * Per-address counts (runs going, sessions presented, seats taken) summed over every node of the cluster, in Redis.
 * Each node keeps its own share of a count and a heartbeat; a node that dies stops counting once it has been
 * silent for `silentMs`, so its slots free themselves without anyone releasing them.
 */
export class ClusterCounts {
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly redis: Redis,
    readonly node: string,
    private readonly silentMs: number,
  ) {
    this.heartbeat = setInterval(() => void this.beat().catch(() => {}), Math.max(50, Math.floor(silentMs / 3)));
    this.heartbeat.unref();
  }

  /** Says this node is alive before it counts anything. */
  static async start(redis: Redis, node: string, silentMs: number): Promise<ClusterCounts> {
    const counts = new ClusterCounts(redis, node, silentMs);
    await counts.beat();
    return counts;
  }

  /** One more slot of `kind` for `address` unless `max` are taken in the whole cluster. */
  async take(kind: string, address: string, max: number): Promise<Taken> {
    const key = `${PREFIX}${kind}:${address}`;
    const [ok, count] = (await this.redis.eval(TAKE, 2, key, NODES, this.node, max, this.silentMs, KEEP_MS)) as [number, number];
    if (ok !== 1) return { ok: false, count };
    let released = false;
    const release = () => {
      if (released || this.closed) return;
      released = true;
      this.redis.eval(RELEASE, 1, key, this.node).catch((err: Error) => console.error(`cluster counts: a ${kind} slot could not be released: ${err.message}`));
    };
    return { ok: true, release };
  }

  /** A slot that must be held whatever the count (a presenter taking their own session back on this node). */
  async hold(kind: string, address: string): Promise<() => void> {
    const taken = await this.take(kind, address, Number.MAX_SAFE_INTEGER);
    return taken.ok ? taken.release : () => {};
  }

  /** This node leaves: its counts stop counting at once, for every node. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    await this.redis.zrem(NODES, this.node).catch(() => {});
  }

  private async beat(): Promise<void> {
    await this.redis.eval(HEARTBEAT, 1, NODES, this.node);
  }
}
