/**
 * Numeric settings with defaults, each overridable by an environment variable of the same name prefixed with
 * `WB_` (e.g. `WB_RUN_WALL_MS=20000`). Zero is refused unless it means something for that key (off, none).
 */
export function numbersFromEnv<K extends string>(
  defaults: Readonly<Record<K, number>>,
  zeroAllowed: ReadonlySet<string>,
  env: NodeJS.ProcessEnv,
  overrides: Partial<Record<K, number>> = {},
): Record<K, number> {
  const values = { ...defaults } as Record<K, number>;
  for (const key of Object.keys(values) as K[]) {
    const raw = env[`WB_${key}`];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed.has(key)))
      throw new Error(`WB_${key} must be a positive number (or 0 where allowed), got "${raw}"`);
    values[key] = value;
  }
  return { ...values, ...overrides };
}
