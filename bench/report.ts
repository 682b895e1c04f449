import type { BenchResult, Comparison, Figure } from "./types.js";

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));

export function figureRow(f: Figure): string {
  return `  ${f.name.padEnd(52)} ${fmt(f.median).padStart(10)} ${f.unit.padEnd(8)} (min ${fmt(f.min)}, max ${fmt(f.max)})`;
}

export function comparisonRow(c: Comparison): string {
  const figure = c.ratio !== undefined ? `ratio ${c.ratio.toFixed(2)}` : `${fmt(c.value ?? NaN)} ${c.unit ?? ""}`;
  return `  ${c.met ? "MET " : "MISS"} ${c.name.padEnd(47)} ${figure.padStart(16)}   target ${c.target}`;
}

export function printResult(name: string, result: BenchResult, seconds: number): void {
  console.log(`\n${name} (${seconds.toFixed(1)} s)`);
  for (const f of result.figures) console.log(figureRow(f));
  for (const c of result.comparisons) console.log(comparisonRow(c));
  for (const n of result.notes ?? []) console.log(`  note: ${n}`);
}
