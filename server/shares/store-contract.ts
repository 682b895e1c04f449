import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ShareStore, StoredShare } from "./store.js";

const share = (id: string, over: Partial<StoredShare> = {}): StoredShare => ({
  id,
  files: { "main.ts": `// ${id}`, "lib/util.ts": "export {}" },
  entry: "main.ts",
  createdAt: "2026-01-01T00:00:00.000Z",
  bytes: 100,
  ...over,
});

/**
 * What every ShareStore must do, as a test suite: call it from an implementation's test file with a factory that
 * answers a fresh, empty store (and a way to open the same data again, to prove shares outlive a restart).
 */
export function shareStoreContract(name: string, fresh: () => Promise<{ store: ShareStore; reopen: () => Promise<ShareStore> }>): void {
  describe(`${name} keeps the ShareStore contract`, () => {
    let store: ShareStore;
    let reopen: () => Promise<ShareStore>;
    beforeEach(async () => ({ store, reopen } = await fresh()));
    afterEach(async () => store.close());

    it("returns what was stored, and undefined for an unknown id", async () => {
      const stored = share("abcdefghijkl");
      expect(await store.insert(stored)).toEqual({
        share: { id: stored.id, files: stored.files, entry: "main.ts", createdAt: stored.createdAt },
        created: true,
      });
      expect(await store.get(stored.id)).toEqual({ id: stored.id, files: stored.files, entry: "main.ts", createdAt: stored.createdAt });
      expect(await store.get("doesNotExist1")).toBeUndefined();
    });

    it("keeps the first share under an id and reports later inserts of that id as not created, even at once", async () => {
      const results = await Promise.all([share("sameIdsameId"), share("sameIdsameId", { createdAt: "2026-02-01T00:00:00.000Z" })].map((s) => store.insert(s)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results[0].share).toEqual(results[1].share);
      expect(await store.usedBytes()).toBe(100);
    });

    it("sums the bytes of every share", async () => {
      await store.insert(share("aaaaaaaaaaaa", { bytes: 300 }));
      await store.insert(share("bbbbbbbbbbbb", { bytes: 45 }));
      expect(await store.usedBytes()).toBe(345);
    });

    it("deletes only shares never opened and created before the cutoff", async () => {
      await store.insert(share("oldUnopened1", { createdAt: "2026-01-01T00:00:00.000Z" }));
      await store.insert(share("oldOpened123", { createdAt: "2026-01-01T00:00:00.000Z" }));
      await store.insert(share("newUnopened1", { createdAt: "2026-03-01T00:00:00.000Z" }));
      await store.markOpened("oldOpened123", new Date("2026-01-02T00:00:00.000Z"));
      await store.markOpened("oldOpened123", new Date("2026-01-03T00:00:00.000Z"));
      expect(await store.deleteUnopenedCreatedBefore(new Date("2026-02-01T00:00:00.000Z"))).toBe(1);
      expect(await store.get("oldUnopened1")).toBeUndefined();
      expect(await store.get("oldOpened123")).toBeDefined();
      expect(await store.get("newUnopened1")).toBeDefined();
    });

    it("keeps shares across a restart", async () => {
      await store.insert(share("keptAcross12"));
      await store.close();
      store = await reopen();
      expect((await store.get("keptAcross12"))?.files).toEqual({ "main.ts": "// keptAcross12", "lib/util.ts": "export {}" });
    });
  });
}
