import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PgShareStore } from "./pg-store.js";
import { PgTraceStore } from "./pg-trace-store.js";
import { migrate, SHARE_MIGRATIONS } from "./pg-migrations.js";
import { shareStoreContract } from "./store-contract.js";
import { traceStoreContract } from "./trace-store-contract.js";
import { startPostgres, type RunningService } from "../test/services.js";

let postgres: RunningService;
let databases = 0;
beforeAll(async () => (postgres = await startPostgres()), 60_000);
afterAll(() => postgres?.stop());

/** A new, empty database on the test's PostgreSQL, by URL. */
async function freshDatabase(): Promise<string> {
  const name = `shares_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgres.url.replace(/\/postgres$/, `/${name}`);
}

shareStoreContract("PgShareStore", async () => {
  const url = await freshDatabase();
  return { store: await PgShareStore.open(url), reopen: () => PgShareStore.open(url) };
});

traceStoreContract("PgTraceStore", async () => {
  const url = await freshDatabase();
  return { store: await PgTraceStore.open(url), reopen: () => PgTraceStore.open(url) };
});

describe("PostgreSQL schema migrations", () => {
  it("apply once, even when two nodes start at the same moment, and are recorded", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([PgShareStore.open(url), PgShareStore.open(url)]);
    const pool = new pg.Pool({ connectionString: url });
    // pool.end() resolves before its clients have finished closing; PostgreSQL's shutdown may reach one of them.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    const { rows } = await pool.query("SELECT version FROM schema_migrations ORDER BY version");
    expect(rows.map((r) => r.version)).toEqual(SHARE_MIGRATIONS.map((_, i) => i + 1));
    expect(await migrate(pool)).toBe(0);
    expect(await migrate(pool, [...SHARE_MIGRATIONS, "ALTER TABLE shares ADD COLUMN note TEXT"])).toBe(1);
    await expect(migrate(pool)).rejects.toThrow(/newer than this workbench knows/);
    await Promise.all([a.close(), b.close(), pool.end()]);
  });

  it("says which setting is wrong when the database cannot be reached", async () => {
    await expect(PgShareStore.open(postgres.url.replace(/:\d+\//, ":1/"))).rejects.toThrow(/DATABASE_URL/);
  });
});
