import { treeCpuSeconds } from "./placement.js";

/** The page counts as settled below this CPU use (cores), or after SETTLE_MAX_MS in any case. */
export const QUIET_CORES = 0.15;
export const SETTLE_MAX_MS = 30_000;

/**
 * Waits (at most SETTLE_MAX_MS) until the browser uses under QUIET_CORES over half a second; returns that use.
 * The editor's TypeScript worker starts after the page: a run measured before it settles measures the editor.
 */
export async function browserQuiet(pid: number | undefined): Promise<{ cores: number; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const at = Date.now(),
      cpu = treeCpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 500));
    const cores = (treeCpuSeconds(pid) - cpu) / ((Date.now() - at) / 1000);
    if (cores < QUIET_CORES || Date.now() - started > SETTLE_MAX_MS) return { cores, waitedMs: Date.now() - started };
  }
}
