import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SharedTrace } from "../../protocol/sharedTrace.js";
import type { SharedTraceStore } from "./trace-store.js";

const trace = (text: string): SharedTrace => ({
  files: { "main.ts": 'console.log("hi");' },
  entry: "main.ts",
  dropped: 3,
  events: [
    { type: "run/start", t: 0, runId: "r1", entry: "main.ts", files: ["main.ts"], sandbox: "bwrap" },
    { type: "console", t: 1, stream: "stdout", text },
  ],
});

/**
 * What every SharedTraceStore must do, as a test suite: call it from an implementation's test file with a factory
 * answering a fresh, empty store and a way to open the same data again.
 */
export function traceStoreContract(name: string, fresh: () => Promise<{ store: SharedTraceStore; reopen: () => Promise<SharedTraceStore> }>): void {
  describe(`${name} keeps the SharedTraceStore contract`, () => {
    let store: SharedTraceStore;
    let reopen: () => Promise<SharedTraceStore>;
    beforeEach(async () => ({ store, reopen } = await fresh()));
    afterEach(async () => store.close());

    it("returns a trace as it was sent, under a new id each time, and undefined for an unknown id", async () => {
      const [a, b] = await Promise.all([store.insert(trace("hi")), store.insert(trace("hi"))]);
      expect(a).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect(b).not.toBe(a);
      expect(await store.get(a)).toEqual(trace("hi"));
      expect(await store.get("doesNotExist1")).toBeUndefined();
    });

    it("keeps output a program wrote with NUL and other control characters, and text outside ASCII", async () => {
      const odd = "a\u0000b\u0007c\ud83d\ude00 é\n";
      const id = await store.insert(trace(odd));
      expect(await store.get(id)).toEqual(trace(odd));
    });

    it("sums the bytes of every trace as stored", async () => {
      expect(await store.usedBytes()).toBe(0);
      await store.insert(trace("é"));
      await store.insert(trace("ab"));
      expect(await store.usedBytes()).toBe(Buffer.byteLength(JSON.stringify(trace("é"))) + Buffer.byteLength(JSON.stringify(trace("ab"))));
    });

    it("keeps traces across a restart", async () => {
      const id = await store.insert(trace("kept"));
      await store.close();
      store = await reopen();
      expect(await store.get(id)).toEqual(trace("kept"));
    });
  });
}
