import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The resolve hooks see `import` only. `require("zeromq")`, and anything a worker started from code (`eval: true`)
 * loads, resolve packages the CommonJS way from the work dir, so the work dir gets its own `node_modules/zeromq`
 * (and `zmq-devices`) whose entry points re-export the traced bundle files, for both module systems.
 */
interface TracedPackage {
  name: string;
  /** Subpath ("." or "./draft") → bundle file it stands for. */
  entries: Record<string, string>;
  /** Whether its bundle files have a default export (the whole API as one object, as `require` gives it). */
  hasDefault: boolean;
}

const PACKAGES: TracedPackage[] = [
  // "./draft.js" too: it is the name an ES module must import without the workbench (zeromq has no exports map).
  {
    name: "zeromq",
    entries: { ".": "zeromq.mjs", "./draft": "draft.mjs", "./draft.js": "draft.mjs", "./v5-compat": "v5-compat.mjs", "./v5-compat.js": "v5-compat.mjs" },
    hasDefault: true,
  },
  { name: "zmq-devices", entries: { ".": "zmq-devices.mjs" }, hasDefault: false },
];

/** `bundleUrl` is the runner bundle folder (ends with a slash). */
export function writeTracedPackages(workDir: string, bundleUrl: string): void {
  for (const pkg of PACKAGES) {
    const dir = join(workDir, "node_modules", pkg.name);
    mkdirSync(dir, { recursive: true });
    const exports: Record<string, string | { import: string; require: string }> = { "./package.json": "./package.json" };
    for (const [subpath, bundleFile] of Object.entries(pkg.entries)) {
      const base = subpath === "." ? "index" : subpath.slice(2).replace(/\.js$/, "");
      const target = new URL(bundleFile, bundleUrl);
      const from = JSON.stringify(target.href);
      writeFileSync(join(dir, `${base}.mjs`), `export * from ${from};\n${pkg.hasDefault ? `export { default } from ${from};\n` : ""}`);
      // require() of an ES module (Node ≥ 20.19) gives its namespace; a default export is the whole API object.
      const required = `require(${JSON.stringify(fileURLToPath(target))})`;
      writeFileSync(join(dir, `${base}.cjs`), `module.exports = ${required}${pkg.hasDefault ? ".default" : ""};\n`);
      exports[subpath] = { import: `./${base}.mjs`, require: `./${base}.cjs` };
    }
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: pkg.name, private: true, exports }, null, 2));
  }
}
