import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ProgramFiles } from "../../protocol/files.js";
import type { Share } from "../../protocol/api.js";
import { newShareId, type ShareStore } from "./store.js";

/** Shared programs in an embedded SQLite database under the data directory: one node, nothing to install. */
export class SqliteShareStore implements ShareStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "workbench.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`CREATE TABLE IF NOT EXISTS shares (
      id TEXT PRIMARY KEY,
      files TEXT NOT NULL,
      entry TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
  }

  async create(files: ProgramFiles, entry: string): Promise<Share> {
    const share: Share = { id: newShareId(), files, entry, createdAt: new Date().toISOString() };
    this.db.prepare("INSERT INTO shares (id, files, entry, created_at) VALUES (?, ?, ?, ?)").run(share.id, JSON.stringify(files), entry, share.createdAt);
    return share;
  }

  async get(id: string): Promise<Share | undefined> {
    const row = this.db.prepare("SELECT id, files, entry, created_at FROM shares WHERE id = ?").get(id) as
      | { id: string; files: string; entry: string; created_at: string }
      | undefined;
    if (!row) return undefined;
    return { id: row.id, files: JSON.parse(row.files) as ProgramFiles, entry: row.entry, createdAt: row.created_at };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
