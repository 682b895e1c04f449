import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { ProgramFiles } from "../../protocol/files.js";
import type { Share } from "../../protocol/api.js";

/** Shared programs, kept in an embedded SQLite database under the data directory. */
export class ShareStore {
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

  create(files: ProgramFiles, entry: string): Share {
    const share: Share = { id: newShareId(), files, entry, createdAt: new Date().toISOString() };
    this.db
      .prepare("INSERT INTO shares (id, files, entry, created_at) VALUES (?, ?, ?, ?)")
      .run(share.id, JSON.stringify(files), entry, share.createdAt);
    return share;
  }

  get(id: string): Share | undefined {
    const row = this.db.prepare("SELECT id, files, entry, created_at FROM shares WHERE id = ?").get(id) as
      | { id: string; files: string; entry: string; created_at: string }
      | undefined;
    if (!row) return undefined;
    return { id: row.id, files: JSON.parse(row.files) as ProgramFiles, entry: row.entry, createdAt: row.created_at };
  }

  close(): void {
    this.db.close();
  }
}

/** 12 URL-safe characters: 72 random bits, short enough to read out in class. */
function newShareId(): string {
  return randomBytes(9).toString("base64url");
}
