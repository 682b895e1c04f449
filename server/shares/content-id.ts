import { createHash } from "node:crypto";
import type { ProgramFiles } from "../../protocol/files.js";

/**
 * The id of a program is a hash of its files and entry, so an identical program shared twice is stored once.
 * Normalised: files in name order; line endings as sent (they are part of the program). 12 URL-safe characters
 * (72 bits): short enough to read out in class, far from any collision at classroom scale.
 */
export function contentId(files: ProgramFiles, entry: string): string {
  const names = Object.keys(files).sort();
  const canonical = JSON.stringify([entry, names.map((n) => [n, files[n]])]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 12);
}

/** What a share counts against the storage quota: the bytes its files and entry take as stored. */
export function shareBytes(files: ProgramFiles, entry: string): number {
  return Buffer.byteLength(JSON.stringify(files), "utf8") + Buffer.byteLength(entry, "utf8");
}
