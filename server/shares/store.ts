import { randomBytes } from "node:crypto";
import type { ProgramFiles } from "../../protocol/files.js";
import type { Share } from "../../protocol/api.js";

/** Shared programs: SQLite in the data directory by default, PostgreSQL when several nodes share them. */
export interface ShareStore {
  create(files: ProgramFiles, entry: string): Promise<Share>;
  get(id: string): Promise<Share | undefined>;
  close(): Promise<void>;
}

/** 12 URL-safe characters: 72 random bits, short enough to read out in class. */
export function newShareId(): string {
  return randomBytes(9).toString("base64url");
}
