import pg from "pg";
import type { ProgramFiles } from "../../protocol/files.js";
import type { Share } from "../../protocol/api.js";
import { newShareId, type ShareStore } from "./store.js";
import { migrate } from "./pg-migrations.js";

// A node needs few: a share is one short statement, and every node has its own pool.
const POOL_CONNECTIONS = 5;

/** Shared programs in PostgreSQL, so every node behind the proxy opens every share. */
export class PgShareStore implements ShareStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date before the node takes requests. */
  static async open(databaseUrl: string): Promise<PgShareStore> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_CONNECTIONS });
    // A dropped idle connection (database restart) is replaced on the next query; it must not crash the node.
    pool.on("error", () => {});
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw new Error(`Could not prepare the shares database at DATABASE_URL: ${(err as Error).message}`);
    }
    return new PgShareStore(pool);
  }

  async create(files: ProgramFiles, entry: string): Promise<Share> {
    const id = newShareId();
    const { rows } = await this.pool.query<{ created_at: Date }>("INSERT INTO shares (id, files, entry) VALUES ($1, $2, $3) RETURNING created_at", [
      id,
      JSON.stringify(files),
      entry,
    ]);
    return { id, files, entry, createdAt: rows[0].created_at.toISOString() };
  }

  async get(id: string): Promise<Share | undefined> {
    const { rows } = await this.pool.query<{ id: string; files: ProgramFiles; entry: string; created_at: Date }>(
      "SELECT id, files, entry, created_at FROM shares WHERE id = $1",
      [id],
    );
    const row = rows[0];
    return row && { id: row.id, files: row.files, entry: row.entry, createdAt: row.created_at.toISOString() };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
