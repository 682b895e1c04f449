import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { ShareStore } from "./store.js";
import { SqliteShareStore } from "./sqlite-store.js";
import { PgShareStore } from "./pg-store.js";
import { migrate, SHARE_MIGRATIONS } from "./pg-migrations.js";
import { startPostgres, type RunningService } from "../test/services.js";

/** One backing database per test: a fresh one, and the way to open a store on it (again, for restarts). */
interface Backend {
  name: string;
  fresh(): Promise<{ open: () => Promise<ShareStore>; location: string }>;
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const sqlite: Backend = {
  name: "SQLite",
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), "zmq-wb-share-"));
    dirs.push(dir);
    const location = join(dir, "nested", "data");
    return { location, open: async () => new SqliteShareStore(location) };
  },
};

let postgres: RunningService;
let databases = 0;
beforeAll(async () => (postgres = await startPostgres()), 60_000);
afterAll(() => postgres?.stop());
const postgresql: Backend = {
  name: "PostgreSQL",
  async fresh() {
    const name = `shares_${process.pid}_${++databases}`;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const location = postgres.url.replace(/\/postgres$/, `/${name}`);
    return { location, open: () => PgShareStore.open(location) };
  },
};

describe.each([sqlite, postgresql])("shares in $name", (backend) => {
  it("returns what was stored, under a short URL-safe id", async () => {
    const store = await (await backend.fresh()).open();
    const share = await store.create({ "main.ts": "console.log(1)", "lib/util.ts": "export {}" }, "main.ts");
    expect(share.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await store.get(share.id)).toEqual(share);
    await store.close();
  });

  it("keeps shares across a restart, creating its storage on first start", async () => {
    const db = await backend.fresh();
    const first = await db.open();
    const share = await first.create({ "main.ts": "// kept", "ünï.ts": "'✓'" }, "main.ts");
    await first.close();
    const second = await db.open();
    expect(await second.get(share.id)).toEqual(share);
    await second.close();
  });

  it("answers undefined for an unknown id", async () => {
    const store = await (await backend.fresh()).open();
    expect(await store.get("doesNotExist1")).toBeUndefined();
    await store.close();
  });

  it("gives every share its own id, also when created at once", async () => {
    const store = await (await backend.fresh()).open();
    const shares = await Promise.all(Array.from({ length: 200 }, () => store.create({ "main.ts": "" }, "main.ts")));
    expect(new Set(shares.map((s) => s.id)).size).toBe(200);
    await store.close();
  });
});

describe("PostgreSQL schema migrations", () => {
  it("apply once, even when two nodes start at the same moment, and are recorded", async () => {
    const db = await postgresql.fresh();
    const [a, b] = await Promise.all([db.open(), db.open()]);
    const pool = new pg.Pool({ connectionString: db.location });
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
