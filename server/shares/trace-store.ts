import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { SharedTrace } from "../../protocol/sharedTrace.js";

/** Run traces shared with a link, in their own table of the data directory's SQLite file. */
export class SharedTraceStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "workbench.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS shared_traces (id TEXT PRIMARY KEY, trace TEXT NOT NULL, created_at TEXT NOT NULL)");
  }

  create(trace: SharedTrace): string {
    const id = randomBytes(9).toString("base64url");
    this.db.prepare("INSERT INTO shared_traces (id, trace, created_at) VALUES (?, ?, ?)").run(id, JSON.stringify(trace), new Date().toISOString());
    return id;
  }

  get(id: string): SharedTrace | undefined {
    const row = this.db.prepare("SELECT trace FROM shared_traces WHERE id = ?").get(id) as { trace: string } | undefined;
    return row ? (JSON.parse(row.trace) as SharedTrace) : undefined;
  }

  close(): void {
    this.db.close();
  }
}
