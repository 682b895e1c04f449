/**
 * One benchmark: measures the workbench and its anchor in the same run and reports figures and ratios.
 * Medians over repeated rounds, with min and max, because machines here are noisy.
 */
export interface Figure {
  /** What is measured, e.g. "traced 64 B inproc flood". */
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
}

export interface Comparison {
  name: string;
  /** workbench / anchor (or anchor / workbench for costs), so that higher is better unless `lowerIsBetter`. */
  ratio?: number;
  /** A single figure compared to a target, when there is no anchor. */
  value?: number;
  unit?: string;
  target: string;
  met: boolean;
}

export interface BenchResult {
  figures: Figure[];
  comparisons: Comparison[];
  notes?: string[];
}

export interface Benchmark {
  name: string;
  /** Rough duration on a 2-core machine, so the runner can report progress. */
  expectedSeconds: number;
  run(): Promise<BenchResult>;
}

export function summarize(name: string, unit: string, samples: number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { name, unit, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The 95th percentile by nearest rank (the smallest sample at or above 95% of them); NaN for no samples. */
export function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.ceil(sorted.length * 0.95) - 1] : Number.NaN;
}
