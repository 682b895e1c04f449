import { useEffect, useState } from "react";

/** useState that survives a reload; for small UI preferences such as the theme and pane sizes. */
export function usePersistentState<T>(key: string, fallback: T, valid: (v: unknown) => v is T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      const parsed: unknown = raw === null ? null : JSON.parse(raw);
      return valid(parsed) ? parsed : fallback;
    } catch {
      return fallback;
    }
  });
  useEffect(() => {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* preferences are a convenience */ }
  }, [key, value]);
  return [value, setValue];
}

export const isFraction = (v: unknown): v is number => typeof v === "number" && v > 0 && v < 1;
export const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
