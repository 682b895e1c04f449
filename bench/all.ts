// `npm run bench [name...]`: runs every benchmark in bench/ (files exporting a default Benchmark), prints a table
// of medians and ratios, and writes bench/results/latest.json. Not part of `npm test`.
import { readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describeMachine } from "./machine.js";
import { printResult } from "./report.js";
import type { Benchmark, BenchResult } from "./types.js";

const dir = new URL(".", import.meta.url).pathname;
const only = process.argv.slice(2);
// ui-profile.ts is a tool run on its own (`npx tsx bench/ui-profile.ts`): importing it would run it.
const NOT_BENCHMARKS = new Set(["all.ts", "types.ts", "report.ts", "machine.ts", "ui-profile.ts"]);

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !NOT_BENCHMARKS.has(f) && !f.startsWith("_"))
  .sort();
const benchmarks: Benchmark[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: Benchmark };
  if (mod.default && typeof mod.default.run === "function") benchmarks.push(mod.default);
}
const selected = benchmarks.filter((b) => only.length === 0 || only.some((o) => b.name.includes(o)));
const machine = describeMachine();
const total = selected.reduce((s, b) => s + b.expectedSeconds, 0);
console.log(`ØMQ Workbench benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.cpu}, Node ${machine.node}, libzmq ${machine.libzmq}`);
console.log(`${selected.length} benchmarks, about ${Math.ceil(total / 60)} min`);

const results: Record<string, BenchResult & { seconds: number; error?: string }> = {};
let index = 0;
for (const bench of selected) {
  index++;
  process.stdout.write(`\n[${index}/${selected.length}] ${bench.name} (~${bench.expectedSeconds} s)…`);
  const started = performance.now();
  try {
    const result = await bench.run();
    const seconds = (performance.now() - started) / 1000;
    results[bench.name] = { ...result, seconds };
    printResult(bench.name, result, seconds);
  } catch (err) {
    const seconds = (performance.now() - started) / 1000;
    results[bench.name] = { figures: [], comparisons: [], seconds, error: (err as Error).stack ?? String(err) };
    console.log(`\n  FAILED: ${(err as Error).message}`);
  }
}

const comparisons = Object.values(results).flatMap((r) => r.comparisons);
const missed = comparisons.filter((c) => !c.met);
console.log(
  `\ntargets: ${comparisons.length - missed.length} met, ${missed.length} missed${missed.length ? ` (${missed.map((c) => c.name).join("; ")})` : ""}`,
);
mkdirSync(join(dir, "results"), { recursive: true });
writeFileSync(join(dir, "results/latest.json"), JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2));
console.log("written bench/results/latest.json");
process.exit(Object.values(results).some((r) => r.error) ? 1 : 0);
