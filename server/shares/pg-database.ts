import pg from "pg";
import { migrate } from "./pg-migrations.js";

// A node needs few: a share or a trace is one short statement, and every node has its own pool.
const POOL_CONNECTIONS = 5;

/** A pool on DATABASE_URL with the schema brought up to date, before the node takes requests. */
export async function openDatabase(databaseUrl: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_CONNECTIONS });
  // A dropped idle connection (database restart) is replaced on the next query; it must not crash the node.
  pool.on("error", () => {});
  // So must one in use or being ended (the pool does not listen to those): its query gets the error in any case.
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    throw new Error(`Could not prepare the database at DATABASE_URL: ${(err as Error).message}`);
  }
  return pool;
}
