import type pg from "pg";
import type { ProgramFiles } from "../../protocol/files.js";
import type { Share } from "../../protocol/api.js";
import type { ShareStore, StoredShare } from "./store.js";
import { openDatabase } from "./pg-database.js";

type Row = { id: string; files: ProgramFiles; entry: string; created_at: Date };
const toShare = (row: Row): Share => ({ id: row.id, files: row.files, entry: row.entry, createdAt: row.created_at.toISOString() });

/** Shared programs in PostgreSQL, so every node behind the proxy opens every share. */
export class PgShareStore implements ShareStore {
  /** `owned`: the store ends the pool when it closes (else whoever opened the pool does). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly owned = false,
  ) {}

  /** Its own pool, schema brought up to date first. */
  static async open(databaseUrl: string): Promise<PgShareStore> {
    return new PgShareStore(await openDatabase(databaseUrl), true);
  }

  async insert(share: StoredShare): Promise<{ share: Share; created: boolean }> {
    const inserted = await this.pool.query("INSERT INTO shares (id, files, entry, created_at, bytes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING", [
      share.id,
      JSON.stringify(share.files),
      share.entry,
      share.createdAt,
      share.bytes,
    ]);
    if (inserted.rowCount === 1) return { share: { id: share.id, files: share.files, entry: share.entry, createdAt: share.createdAt }, created: true };
    const kept = await this.get(share.id);
    if (!kept) throw new Error(`share ${share.id} was neither inserted nor found`);
    return { share: kept, created: false };
  }

  async get(id: string): Promise<Share | undefined> {
    const { rows } = await this.pool.query<Row>("SELECT id, files, entry, created_at FROM shares WHERE id = $1", [id]);
    return rows[0] && toShare(rows[0]);
  }

  async markOpened(id: string, at: Date): Promise<void> {
    await this.pool.query("UPDATE shares SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL", [id, at]);
  }

  async usedBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ used: string }>("SELECT COALESCE(SUM(bytes), 0) AS used FROM shares");
    return Number(rows[0].used);
  }

  async deleteUnopenedCreatedBefore(cutoff: Date): Promise<number> {
    return (await this.pool.query("DELETE FROM shares WHERE opened_at IS NULL AND created_at < $1", [cutoff])).rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (this.owned) await this.pool.end();
  }
}
