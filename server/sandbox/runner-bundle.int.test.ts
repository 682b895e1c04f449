import { existsSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRunner } from "./runner-bundle.js";

describe("buildRunner", () => {
  it("bundles the entry points once and reuses the bundle while sources are unchanged", async () => {
    const first = await buildRunner();
    for (const file of ["register.mjs", "hooks.mjs", "runner.mjs", "zeromq.mjs"]) expect(existsSync(`${first.dir}/${file}`)).toBe(true);
    const builtAt = statSync(first.runner).mtimeMs;
    const second = await buildRunner();
    expect(second).toEqual(first);
    expect(statSync(second.runner).mtimeMs).toBe(builtAt);
  });
});
