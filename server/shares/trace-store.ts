import { randomBytes } from "node:crypto";
import type { SharedTrace } from "../../protocol/sharedTrace.js";

/**
 * Where run traces shared beside a link live: SQLite by default (`sqlite-trace-store.ts`), PostgreSQL when the
 * nodes share one (`pg-trace-store.ts`). `trace-store-contract.ts` is the test suite every implementation passes.
 */
export interface SharedTraceStore {
  /** Keeps the trace under a new id and answers that id. */
  insert(trace: SharedTrace): Promise<string>;
  /** The trace with this id, as it was sent, or undefined. */
  get(id: string): Promise<SharedTrace | undefined>;
  /** Bytes of every kept trace together, as stored (its JSON text, UTF-8). */
  usedBytes(): Promise<number>;
  close(): Promise<void>;
}

/** 12 URL-safe characters (72 random bits): a trace is not content-addressed, since two runs never match. */
export const newTraceId = () => randomBytes(9).toString("base64url");
