import type { ProgramFiles } from "../../protocol/files.js";
import type { Share } from "../../protocol/api.js";
import type { ServerLimits } from "../limits.js";
import { contentId, shareBytes } from "./content-id.js";
import type { ShareStore } from "./store.js";

const DAY_MS = 24 * 60 * 60_000;
const EXPIRY_SWEEP_MS = 60 * 60_000;

/** The storage quota is spent: a sentence for the person sharing. */
export class ShareStorageFull extends Error {
  constructor() {
    super(
      "This server's storage for shared programs is full, so new programs cannot be shared now. Programs already shared still open; ask the server's operator to make room.",
    );
  }
}

/**
 * Shared programs over any `ShareStore`: content-addressed ids (identical programs stored once), a total storage
 * quota, and optional expiry of shares nobody opened. Every store gets these because they live here.
 */
export class Shares {
  private readonly sweeper: NodeJS.Timeout | undefined;

  constructor(
    readonly store: ShareStore,
    private readonly limits: Pick<ServerLimits, "SHARE_STORAGE_BYTES" | "SHARE_UNOPENED_TTL_DAYS">,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (limits.SHARE_UNOPENED_TTL_DAYS > 0) {
      this.sweeper = setInterval(() => void this.expireUnopened().catch(() => {}), EXPIRY_SWEEP_MS);
      this.sweeper.unref();
    }
  }

  /** Stores the program, or answers the share already holding it. Throws ShareStorageFull past the quota. */
  async create(files: ProgramFiles, entry: string): Promise<Share> {
    const id = contentId(files, entry);
    const existing = await this.store.get(id);
    if (existing) return existing;
    const bytes = shareBytes(files, entry);
    if ((await this.store.usedBytes()) + bytes > this.limits.SHARE_STORAGE_BYTES) throw new ShareStorageFull();
    const { share } = await this.store.insert({ id, files, entry, createdAt: this.now().toISOString(), bytes });
    return share;
  }

  /** The share, noted as opened so it never expires. */
  async open(id: string): Promise<Share | undefined> {
    const share = await this.store.get(id);
    if (share) await this.store.markOpened(id, this.now());
    return share;
  }

  /** Deletes shares nobody opened within the configured days; 0 days keeps them all. */
  async expireUnopened(): Promise<number> {
    if (this.limits.SHARE_UNOPENED_TTL_DAYS <= 0) return 0;
    return this.store.deleteUnopenedCreatedBefore(new Date(this.now().getTime() - this.limits.SHARE_UNOPENED_TTL_DAYS * DAY_MS));
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.store.close();
  }
}
