import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, version as esbuildVersion, type Plugin } from "esbuild";
import { REPO_ROOT } from "../paths.js";
import { NODE_TARGET } from "./transpile.js";

/** The runner runs inside the sandbox; this file only bundles it, on the server. */
const SOURCE_DIR = join(REPO_ROOT, "sandboxed", "runner");
/** Builds are kept per source hash, so a server still using an older bundle is not broken by a rebuild. */
const OUTPUT_ROOT = join(REPO_ROOT, "dist", "runner");
const KEEP_BUILDS = 3;
/** An older build may still serve a server started before the sources changed; leave it alone this long. */
const PRUNE_AFTER_MS = 6 * 60 * 60 * 1000;
/** Everything bundled lives here; tests and test helpers elsewhere in sandboxed/runner do not change the bundle. */
const BUNDLED_SOURCES = ["channel.ts", "entries", "job", "telemetry", "traced", "../workbench-globals.ts", "../device-announcement.ts"];
/** Both bundles are ES modules for the sandbox's Node. */
const FOR_SANDBOX_NODE = { bundle: true, format: "esm", platform: "node", target: NODE_TARGET, logLevel: "silent" } as const;
const ENTRY_POINTS = {
  register: "entries/register.ts",
  hooks: "entries/hooks.ts",
  runner: "entries/runner.ts",
  zeromq: "entries/zeromq.ts",
  draft: "entries/draft.ts",
  "v5-compat": "entries/v5-compat.ts",
};
/** zeromq.js's v5 compatibility layer is bundled (not loaded from the package) so that its sockets are traced. */
const COMPAT_SOURCE = /[\\/]zeromq[\\/]lib[\\/]compat\.js$/;
/** The zmq-devices library learners may import; bundled beside the runner. */
const DEVICES_ENTRY = join(REPO_ROOT, "sandboxed", "devices", "src", "index.ts");
export const DEVICES_BUNDLE_FILE = "zmq-devices.mjs";

export interface RunnerBundle {
  /** Folder holding every bundle file; the sandbox must see it, and the repository's node_modules, at their real paths. */
  dir: string;
  /** Preload for `node --import`: installs the resolve hooks. */
  register: string;
  /** The main script. */
  runner: string;
}

/**
 * Bundles the runner with esbuild into dist/runner/<hash>/, or returns the existing bundle for the same sources.
 * `devicesEntry` is for tests; by default sandboxed/devices/src/index.ts.
 */
export async function buildRunner(options: { devicesEntry?: string } = {}): Promise<RunnerBundle> {
  const devices = options.devicesEntry ?? DEVICES_ENTRY;
  const dir = join(OUTPUT_ROOT, sourceHash(devices));
  const bundle = { dir, register: join(dir, "register.mjs"), runner: join(dir, "runner.mjs") };
  if (existsSync(bundle.runner)) return bundle;
  mkdirSync(OUTPUT_ROOT, { recursive: true });
  // Test files and servers build at the same time: each builds aside, and the first rename wins.
  const scratch = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await build({
    absWorkingDir: SOURCE_DIR,
    entryPoints: ENTRY_POINTS,
    outdir: scratch,
    outExtension: { ".js": ".mjs" },
    ...FOR_SANDBOX_NODE,
    splitting: true, // one shared chunk, so the runner and the learner's `zeromq` share telemetry state
    chunkNames: "chunk-[hash]",
    plugins: [zeromqStaysOutside],
    // The bundled compatibility layer is CommonJS and requires Node built-ins (events) at run time.
    banner: { js: 'import { createRequire as __wbCreateRequire } from "node:module"; const require = __wbCreateRequire(import.meta.url);' },
  });
  await buildDevices(devices, join(scratch, DEVICES_BUNDLE_FILE));
  try {
    renameSync(scratch, dir);
  } catch {
    rmSync(scratch, { recursive: true, force: true });
  }
  pruneOldBuilds(dir);
  return bundle;
}

/**
 * The real zeromq stays a run-time import (its native addon cannot be bundled), except its compatibility layer,
 * whose `require(".")` becomes the traced module.
 */
const zeromqStaysOutside: Plugin = {
  name: "zeromq-stays-outside",
  setup(builder) {
    builder.onResolve({ filter: /^\.$/ }, (args) =>
      COMPAT_SOURCE.test(args.importer) ? { path: join(SOURCE_DIR, "traced", "compat-classes.ts") } : undefined,
    );
    builder.onResolve({ filter: /^zeromq(\/|$)/ }, (args) => (args.path === "zeromq/lib/compat" ? undefined : { path: args.path, external: true }));
  },
};

/**
 * One file, its own imports bundled, with `zeromq` left as a bare import: the resolve hooks hand it the traced
 * module, so devices run on traced sockets and their traffic shows in the graph.
 */
async function buildDevices(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    ...FOR_SANDBOX_NODE,
    external: ["zeromq", "zeromq/*"],
  });
}

function sourceHash(devicesEntry: string): string {
  // This file's build options shape the bundle too, and so does the Node target they take from transpile.ts.
  const hash = createHash("sha256")
    .update(esbuildVersion)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL("./transpile.ts", import.meta.url))));
  const devicesFiles = sourceFiles(dirname(devicesEntry));
  const files = [...BUNDLED_SOURCES.flatMap((name) => sourceFiles(join(SOURCE_DIR, name))), ...devicesFiles];
  for (const file of files) hash.update(relative(SOURCE_DIR, file)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return sourceFiles(child);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [child] : [];
    })
    .sort();
}

function pruneOldBuilds(current: string): void {
  const builds = readdirSync(OUTPUT_ROOT)
    .map((name) => join(OUTPUT_ROOT, name))
    .filter((path) => path !== current && !path.includes(".tmp-"))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const now = Date.now();
  for (const old of builds.slice(KEEP_BUILDS - 1)) {
    if (now - statSync(old).mtimeMs > PRUNE_AFTER_MS) rmSync(old, { recursive: true, force: true });
  }
}
