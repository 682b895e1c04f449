import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Every runner file sits in one bundle folder; frames from there are the workbench's, not the learner's. */
const bundleDir = dirname(fileURLToPath(import.meta.url));
const bundleDirUrl = pathToFileURL(bundleDir).href;
const FRAME_LOCATION = /\(?((?:file:\/\/|\/)[^()\s]*):(\d+):(\d+)\)?\s*$/;
const SITE_SEARCH_DEPTH = 25;

function workDirPrefixes(): string[] {
  const cwd = process.cwd();
  return [`${pathToFileURL(cwd).href}/`, `${cwd}/`];
}

function learnerFile(location: string, prefixes: string[]): string | undefined {
  const prefix = prefixes.find((p) => location.startsWith(p));
  return prefix === undefined ? undefined : decodeURIComponent(location.slice(prefix.length));
}

/** Where the caller's caller was called from in a learner file, as "main.ts:4:13" (source-mapped by Node). */
export function learnerCallSite(): string | undefined {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = SITE_SEARCH_DEPTH;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = saved;
  const prefixes = workDirPrefixes();
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME_LOCATION.exec(line);
    if (!match) continue;
    const file = learnerFile(match[1], prefixes);
    if (file !== undefined) return `${file}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/** The stack as the learner should read it: learner file names relative to their folder, no runner or Node frames. */
export function learnerStack(stack: string): string {
  const prefixes = workDirPrefixes();
  return stack
    .split("\n")
    .filter((line) => !isFrame(line) || !(line.includes(bundleDirUrl) || line.includes(`${bundleDir}/`) || line.includes("node:")))
    .map((line) => (isFrame(line) ? relativeFrame(line, prefixes) : line))
    .join("\n");
}

function isFrame(line: string): boolean {
  return /^\s+at /.test(line);
}

function relativeFrame(line: string, prefixes: string[]): string {
  let out = line;
  for (const prefix of prefixes) out = out.split(prefix).join("");
  return out;
}
