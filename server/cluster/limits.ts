/**
 * Limits of a node in a cluster, with units in the names; each can be overridden by `WB_<NAME>` in the
 * environment, like the run limits in server/sandbox/limits.ts.
 */
export const CLUSTER_LIMITS = {
  // How long a node told to stop (SIGTERM) waits for its runs to finish before it stops the rest: a normal run
  // ends within its 10 s wall time; a 30-minute classroom demo is better cut than holding a deployment forever.
  DRAIN_MS: 60_000,
} as const;

export type ClusterLimits = { -readonly [K in keyof typeof CLUSTER_LIMITS]: number };

export function clusterLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ClusterLimits {
  const limits: ClusterLimits = { ...CLUSTER_LIMITS };
  for (const key of Object.keys(limits) as (keyof ClusterLimits)[]) {
    const raw = env[`WB_${key}`];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`WB_${key} must be a positive number, got "${raw}"`);
    limits[key] = value;
  }
  return limits;
}
