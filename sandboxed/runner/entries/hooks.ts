/**
 * ESM resolve hooks for learner programs: bare `zeromq` (and `zeromq/draft`, `zeromq/v5-compat`) is the traced
 * module, other `zeromq/...` paths the real package,
 * `zmq-devices` the bundled devices library (on traced sockets),
 * and relative imports may name the learner's TypeScript file or leave the extension out (`./worker`).
 */
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface HookData {
  /** URL of the traced zeromq module. */
  tracedUrl: string;
  /** URL of the runner bundle folder (ends with a slash); its own imports are never redirected. */
  bundleUrl: string;
  /** URL of the zmq-devices bundle, which may be missing; its `zeromq` import is the traced module. */
  devicesUrl: string;
  /** Traced subpaths of zeromq ("zeromq/draft") → URL of their bundle file. */
  subpathUrls: Record<string, string>;
}

interface ResolveContext {
  parentURL?: string;
  conditions: string[];
  importAttributes?: Record<string, string>;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<ResolveResult>;
interface LoadContext {
  format?: string | null;
  importAttributes?: Record<string, string>;
}
interface LoadResult {
  format: string;
  source?: string | Buffer;
  shortCircuit?: boolean;
}
type NextLoad = (url: string, context?: LoadContext) => Promise<LoadResult>;

const RUNTIME_EXTENSION: Record<string, string> = { ".ts": ".js", ".tsx": ".js", ".mts": ".mjs", ".cts": ".cjs" };
const GUESSED_SUFFIXES = [".js", ".mjs", ".cjs", "/index.js", "/index.mjs"];

let data: HookData;
let bundleRequire: NodeRequire | undefined;

function requireFromBundle(): NodeRequire {
  return (bundleRequire ??= createRequire(data.bundleUrl));
}

export function initialize(hookData: HookData): void {
  data = hookData;
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<ResolveResult> {
  const parent = context.parentURL ?? "";
  if (specifier === "zeromq" && parent === data.devicesUrl) return { url: data.tracedUrl, format: "module", shortCircuit: true };
  if (parent.startsWith(data.bundleUrl) || parent.includes("/node_modules/")) return nextResolve(specifier, context);
  if (specifier === "zeromq") return { url: data.tracedUrl, format: "module", shortCircuit: true };
  const subpath = Object.hasOwn(data.subpathUrls, specifier) ? data.subpathUrls[specifier] : undefined;
  if (subpath) return { url: subpath, format: "module", shortCircuit: true };
  if (specifier === "zmq-devices" && isFile(new URL(data.devicesUrl))) return { url: data.devicesUrl, format: "module", shortCircuit: true };
  // zeromq has no "exports" map, so its subpaths (zeromq/draft) only resolve the CommonJS way, as in its docs.
  if (specifier.startsWith("zeromq/")) return { url: pathToFileURL(requireFromBundle().resolve(specifier)).href, shortCircuit: true };
  const target = fileUrlOf(specifier, context.parentURL);
  const found = target && learnerFileFor(target);
  const resolved = await nextResolve(found ?? specifier, context);
  // The runner's own modules hold the channel writer: a program importing them by path could write keyed lines.
  const runnerEntry = context.parentURL === undefined && resolved.url === new URL("runner.mjs", data.bundleUrl).href;
  // The --import preload: Node imports it again (from the work dir) when the runner hands the entry to runMain, and in
  // every worker thread. It is already evaluated there, so importing it gives nothing.
  const preload = resolved.url === new URL("register.mjs", data.bundleUrl).href;
  if (resolved.url.startsWith(data.bundleUrl) && !runnerEntry && !preload && resolved.url !== data.tracedUrl && resolved.url !== data.devicesUrl) {
    throw new Error(`${specifier} is part of the workbench's runner and cannot be imported; import "zeromq" instead`);
  }
  return resolved;
}

function fileUrlOf(specifier: string, parentURL: string | undefined): URL | undefined {
  try {
    if (specifier.startsWith("file:")) return new URL(specifier);
    if (specifier.startsWith("/")) return pathToFileURL(specifier);
    if ((specifier.startsWith("./") || specifier.startsWith("../")) && parentURL) return new URL(specifier, parentURL);
  } catch {
    return undefined;
  }
  return undefined;
}

/** The file on disk a learner meant: itself, its transpiled name (worker.ts → worker.js), or with an extension added. */
function learnerFileFor(url: URL): string | undefined {
  if (isFile(url)) return undefined;
  const href = url.href.replace(/[?#].*$/, "");
  const extension = /\.[cm]?tsx?$/.exec(href);
  const candidates = extension
    ? [href.slice(0, extension.index) + RUNTIME_EXTENSION[extension[0]]]
    : GUESSED_SUFFIXES.map((suffix) => href.replace(/\/$/, "") + suffix);
  return candidates.find((candidate) => isFile(new URL(candidate)));
}

function isFile(url: URL): boolean {
  try {
    return statSync(fileURLToPath(url), { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * A learner's JSON file imported without `with { type: "json" }` (esbuild drops the attribute for older Node
 * targets) loads as a module whose default export is the parsed JSON, as bundlers do.
 */
export async function load(url: string, context: LoadContext, nextLoad: NextLoad): Promise<LoadResult> {
  const learnerJson = url.startsWith("file:") && url.endsWith(".json") && !url.includes("/node_modules/");
  if (!learnerJson || context.importAttributes?.type === "json") return nextLoad(url, context);
  const json = readFileSync(fileURLToPath(url), "utf8");
  JSON.parse(json); // a syntax error here names the file; the generated module below would not
  return { format: "module", source: `export default ${json};`, shortCircuit: true };
}
