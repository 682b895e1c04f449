import type pg from "pg";

/**
 * The schema in PostgreSQL (shared programs, shared run traces), one step per entry, applied in order on start. Never edit a step that has
 * shipped: add the next one.
 */
export const SHARE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE shares (
    id TEXT PRIMARY KEY,
    files JSONB NOT NULL,
    entry TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    bytes INTEGER NOT NULL,
    opened_at TIMESTAMPTZ
  )`,
  "CREATE INDEX shares_unopened_created ON shares (created_at) WHERE opened_at IS NULL",
  "CREATE TABLE shared_traces (id TEXT PRIMARY KEY, trace TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)",
];

// Any constant works; it only has to be the same on every node so that two nodes starting at once take turns.
const MIGRATION_LOCK = 0x5a4d_5157;

/** Applies the steps not yet recorded in `schema_migrations`, under an advisory lock; returns how many it applied. */
export async function migrate(pool: pg.Pool, steps: readonly string[] = SHARE_MIGRATIONS): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ version: number }>("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations");
    const current = rows[0].version;
    if (current > steps.length) {
      throw new Error(`The database schema is at version ${current}, newer than this workbench knows (${steps.length}). Update the workbench on this node.`);
    }
    for (let version = current + 1; version <= steps.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(steps[version - 1]);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
    return steps.length - current;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
