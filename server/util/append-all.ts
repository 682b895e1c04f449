/**
 * Appends every item of `items` to `target`. Spreading `items` into `push` passes each item as an argument, and an array
 * that a run controls (events, frames) can be long enough to overflow the stack and take the server down.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
