import { useEffect, useMemo, useState } from "react";
import { Throttle } from "./throttle.js";

/** `value`, passed on at most once every `ms` (see Throttle). */
export function useThrottled<T>(value: T, ms: number): T {
  const [passed, setPassed] = useState(value);
  const throttle = useMemo(() => new Throttle<T>(ms, setPassed), [ms]);
  useEffect(() => throttle.offer(value), [throttle, value]);
  useEffect(() => () => throttle.cancel(), [throttle]);
  return passed;
}
