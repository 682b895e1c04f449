import type { Share } from "../../protocol/api.js";

/** A share as a store keeps it: the program, its content id, and what the quota and expiry need. */
export interface StoredShare extends Share {
  /** Size counted against the storage quota: UTF-8 bytes of the files' JSON plus the entry name. */
  bytes: number;
}

/**
 * Where shared programs live. SQLite implements it (`sqlite-store.ts`); any other database can.
 * A store only keeps rows: content ids, the quota and expiry are decided above it, in `Shares` (`shares.ts`),
 * so every store gets them. `store-contract.ts` is the test suite every implementation must pass.
 */
export interface ShareStore {
  /**
   * Keeps `share` unless a share with its id is already kept (ids are content hashes, so that one holds the same
   * program). Answers the kept share and whether this call added it. Safe to call concurrently with the same id.
   */
  insert(share: StoredShare): Promise<{ share: Share; created: boolean }>;
  /** The share with this id, or undefined. */
  get(id: string): Promise<Share | undefined>;
  /** Notes that the share was opened; only the first call matters (unopened shares may expire). */
  markOpened(id: string, at: Date): Promise<void>;
  /** Sum of `bytes` over every kept share. */
  usedBytes(): Promise<number>;
  /** Removes shares never opened and created before `cutoff`; answers how many went. */
  deleteUnopenedCreatedBefore(cutoff: Date): Promise<number>;
  close(): Promise<void>;
}
