import type pg from "pg";
import type { SharedTrace } from "../../protocol/sharedTrace.js";
import { openDatabase } from "./pg-database.js";
import { newTraceId, type SharedTraceStore } from "./trace-store.js";

/**
 * Shared run traces in PostgreSQL, so a link made through one node opens through every node. Kept as TEXT, not
 * JSONB: a program's output may hold a NUL character, which JSONB refuses and JSON text carries escaped.
 */
export class PgTraceStore implements SharedTraceStore {
  /** `owned`: the store ends the pool when it closes (else whoever opened the pool does). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly owned = false,
  ) {}

  /** Its own pool, schema brought up to date first. */
  static async open(databaseUrl: string): Promise<PgTraceStore> {
    return new PgTraceStore(await openDatabase(databaseUrl), true);
  }

  async insert(trace: SharedTrace): Promise<string> {
    const id = newTraceId();
    await this.pool.query("INSERT INTO shared_traces (id, trace, created_at) VALUES ($1, $2, now())", [id, JSON.stringify(trace)]);
    return id;
  }

  async get(id: string): Promise<SharedTrace | undefined> {
    const { rows } = await this.pool.query<{ trace: string }>("SELECT trace FROM shared_traces WHERE id = $1", [id]);
    return rows[0] ? (JSON.parse(rows[0].trace) as SharedTrace) : undefined;
  }

  async usedBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ used: string }>("SELECT COALESCE(SUM(octet_length(trace)), 0) AS used FROM shared_traces");
    return Number(rows[0].used);
  }

  async close(): Promise<void> {
    if (this.owned) await this.pool.end();
  }
}
