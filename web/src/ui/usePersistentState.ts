import { useCallback, useEffect, useState } from "react";

function read<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    return valid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

/**
 * useState that survives a reload; for small UI preferences such as the theme and pane sizes. A new key (the
 * lesson layout's column split instead of the playground's) reads that key's own value.
 */
export function usePersistentState<T>(key: string, fallback: T, valid: (v: unknown) => v is T): [T, (v: T) => void] {
  const [state, setState] = useState(() => ({ key, value: read(key, fallback, valid) }));
  const current = state.key === key ? state : { key, value: read(key, fallback, valid) };
  if (current !== state) setState(current);
  useEffect(() => {
    try {
      localStorage.setItem(current.key, JSON.stringify(current.value));
    } catch {
      /* preferences are a convenience */
    }
  }, [current.key, current.value]);
  const set = useCallback((value: T) => setState({ key, value }), [key]);
  return [current.value, set];
}

export const isFraction = (v: unknown): v is number => typeof v === "number" && v > 0 && v < 1;
export const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
