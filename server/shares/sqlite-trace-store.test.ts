import { afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteTraceStore } from "./sqlite-trace-store.js";
import { traceStoreContract } from "./trace-store-contract.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

traceStoreContract("SqliteTraceStore", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "zmq-wb-trace-")), "data");
  dirs.push(dir);
  return { store: new SqliteTraceStore(dir), reopen: async () => new SqliteTraceStore(dir) };
});
