import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ProgramFiles } from "../../protocol/files.js";
import type { Share } from "../../protocol/api.js";
import type { ShareStore, StoredShare } from "./store.js";

type Row = { id: string; files: string; entry: string; created_at: string };

/** Shared programs in an embedded SQLite database under the data directory. */
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
    this.addColumnIfMissing("bytes", "INTEGER NOT NULL DEFAULT 0");
    this.addColumnIfMissing("opened_at", "TEXT");
    // Rows from before sizes were kept: count them by their stored text.
    this.db.exec("UPDATE shares SET bytes = length(CAST(files AS BLOB)) + length(CAST(entry AS BLOB)) WHERE bytes = 0");
  }

  async insert(share: StoredShare): Promise<{ share: Share; created: boolean }> {
    const result = this.db
      .prepare("INSERT OR IGNORE INTO shares (id, files, entry, created_at, bytes) VALUES (?, ?, ?, ?, ?)")
      .run(share.id, JSON.stringify(share.files), share.entry, share.createdAt, share.bytes);
    if (result.changes === 1) return { share: { id: share.id, files: share.files, entry: share.entry, createdAt: share.createdAt }, created: true };
    const kept = await this.get(share.id);
    if (!kept) throw new Error(`share ${share.id} was neither inserted nor found`);
    return { share: kept, created: false };
  }

  async get(id: string): Promise<Share | undefined> {
    const row = this.db.prepare("SELECT id, files, entry, created_at FROM shares WHERE id = ?").get(id) as Row | undefined;
    if (!row) return undefined;
    return { id: row.id, files: JSON.parse(row.files) as ProgramFiles, entry: row.entry, createdAt: row.created_at };
  }

  async markOpened(id: string, at: Date): Promise<void> {
    this.db.prepare("UPDATE shares SET opened_at = ? WHERE id = ? AND opened_at IS NULL").run(at.toISOString(), id);
  }

  async usedBytes(): Promise<number> {
    return (this.db.prepare("SELECT COALESCE(SUM(bytes), 0) AS used FROM shares").get() as { used: number }).used;
  }

  async deleteUnopenedCreatedBefore(cutoff: Date): Promise<number> {
    return this.db.prepare("DELETE FROM shares WHERE opened_at IS NULL AND created_at < ?").run(cutoff.toISOString()).changes;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private addColumnIfMissing(name: string, definition: string): void {
    const columns = this.db.prepare("PRAGMA table_info(shares)").all() as { name: string }[];
    if (!columns.some((c) => c.name === name)) this.db.exec(`ALTER TABLE shares ADD COLUMN ${name} ${definition}`);
  }
}
