/**
 * Appends every item of `items` to `target`. Spreading `items` into `push` passes each item as an argument, and an array
 * that a run controls (events, frames) can be long enough to overflow the stack and take the server down.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Appends items while `target` holds fewer than `max`; past it only the items `always` keeps. */
export function appendUpTo<T>(target: T[], items: readonly T[], max: number, always: (item: T) => boolean = () => false): T[] {
  for (const item of items) if (target.length < max || always(item)) target.push(item);
  return target;
}
