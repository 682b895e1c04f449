import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { SharedTrace } from "../../protocol/sharedTrace.js";
import { newTraceId, type SharedTraceStore } from "./trace-store.js";

/** Shared run traces in their own table of the data directory's SQLite file. */
export class SqliteTraceStore implements SharedTraceStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "workbench.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS shared_traces (id TEXT PRIMARY KEY, trace TEXT NOT NULL, created_at TEXT NOT NULL)");
  }

  async insert(trace: SharedTrace): Promise<string> {
    const id = newTraceId();
    this.db.prepare("INSERT INTO shared_traces (id, trace, created_at) VALUES (?, ?, ?)").run(id, JSON.stringify(trace), new Date().toISOString());
    return id;
  }

  async get(id: string): Promise<SharedTrace | undefined> {
    const row = this.db.prepare("SELECT trace FROM shared_traces WHERE id = ?").get(id) as { trace: string } | undefined;
    return row ? (JSON.parse(row.trace) as SharedTrace) : undefined;
  }

  async usedBytes(): Promise<number> {
    return (this.db.prepare("SELECT COALESCE(SUM(length(CAST(trace AS BLOB))), 0) AS used FROM shared_traces").get() as { used: number }).used;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
