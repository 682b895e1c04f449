import { afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteShareStore } from "./sqlite-store.js";
import { shareStoreContract } from "./store-contract.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

shareStoreContract("SqliteShareStore", async () => {
  // A nested path: the store creates the data directory when missing.
  const dir = join(mkdtempSync(join(tmpdir(), "zmq-wb-share-")), "nested", "data");
  dirs.push(dir);
  return { store: new SqliteShareStore(dir), reopen: async () => new SqliteShareStore(dir) };
});
