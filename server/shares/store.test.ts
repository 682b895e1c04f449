import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ShareStore } from "./store.js";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "zmq-wb-share-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("ShareStore", () => {
  it("returns what was stored, under a short URL-safe id", () => {
    const store = new ShareStore(freshDir());
    const share = store.create({ "main.ts": "console.log(1)", "lib/util.ts": "export {}" }, "main.ts");
    expect(share.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(store.get(share.id)).toEqual(share);
    store.close();
  });

  it("keeps shares across a restart, in the data directory's SQLite file", () => {
    const dir = freshDir();
    const first = new ShareStore(dir);
    const share = first.create({ "main.ts": "// kept" }, "main.ts");
    first.close();
    const second = new ShareStore(join(dir));
    expect(second.get(share.id)?.files).toEqual({ "main.ts": "// kept" });
    second.close();
  });

  it("answers undefined for an unknown id and creates the data directory when missing", () => {
    const store = new ShareStore(join(freshDir(), "nested", "data"));
    expect(store.get("doesNotExist1")).toBeUndefined();
    store.close();
  });

  it("gives every share its own id", () => {
    const store = new ShareStore(freshDir());
    const ids = new Set(Array.from({ length: 200 }, () => store.create({ "main.ts": "" }, "main.ts").id));
    expect(ids.size).toBe(200);
    store.close();
  });
});
