import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteShareStore } from "./sqlite-store.js";
import { Shares, ShareStorageFull } from "./shares.js";
import { shareBytes } from "./content-id.js";

const dirs: string[] = [];
afterEach(() =>
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  }),
);
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), "zmq-wb-shares-"));
  dirs.push(dir);
  return new SqliteShareStore(dir);
};

describe("Shares", () => {
  it("stores an identical program once, under one id whatever the order of its files", async () => {
    const shares = new Shares(store(), { SHARE_STORAGE_BYTES: 1e9, SHARE_UNOPENED_TTL_DAYS: 0 });
    const a = await shares.create({ "main.ts": "hi()", "lib.ts": "export {}" }, "main.ts");
    const b = await shares.create({ "lib.ts": "export {}", "main.ts": "hi()" }, "main.ts");
    const other = await shares.create({ "main.ts": "hi()", "lib.ts": "export {}" }, "lib.ts");
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(b).toEqual(a);
    expect(other.id).not.toBe(a.id);
    const files = { "main.ts": "hi()", "lib.ts": "export {}" };
    expect(await shares.store.usedBytes()).toBe(shareBytes(files, "main.ts") + shareBytes(files, "lib.ts"));
    await shares.close();
  });

  it("refuses a new program past the storage quota with a sentence, and still answers programs already stored", async () => {
    const one = { "main.ts": "x".repeat(1000) };
    const shares = new Shares(store(), { SHARE_STORAGE_BYTES: shareBytes(one, "main.ts") + 10, SHARE_UNOPENED_TTL_DAYS: 0 });
    const first = await shares.create(one, "main.ts");
    await expect(shares.create({ "main.ts": "y".repeat(1000) }, "main.ts")).rejects.toThrow(ShareStorageFull);
    await expect(shares.create({ "main.ts": "y" }, "main.ts")).rejects.toThrow(/storage for shared programs is full/);
    expect(await shares.create(one, "main.ts")).toEqual(first);
    await shares.close();
  });

  it("deletes shares nobody opened after the configured days, keeps opened ones, and keeps all when off", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const shares = new Shares(store(), { SHARE_STORAGE_BYTES: 1e9, SHARE_UNOPENED_TTL_DAYS: 7 }, () => now);
    const unopened = await shares.create({ "main.ts": "1" }, "main.ts");
    const opened = await shares.create({ "main.ts": "2" }, "main.ts");
    expect(await shares.open(opened.id)).toEqual(opened);
    now = new Date("2026-01-07T23:00:00Z");
    expect(await shares.expireUnopened()).toBe(0);
    now = new Date("2026-01-08T01:00:00Z");
    expect(await shares.expireUnopened()).toBe(1);
    expect(await shares.open(unopened.id)).toBeUndefined();
    expect(await shares.open(opened.id)).toEqual(opened);
    await shares.close();

    const keepAll = new Shares(store(), { SHARE_STORAGE_BYTES: 1e9, SHARE_UNOPENED_TTL_DAYS: 0 }, () => now);
    await keepAll.create({ "main.ts": "3" }, "main.ts");
    now = new Date("2030-01-01T00:00:00Z");
    expect(await keepAll.expireUnopened()).toBe(0);
    expect(await keepAll.store.usedBytes()).toBeGreaterThan(0);
    await keepAll.close();
  });
});
