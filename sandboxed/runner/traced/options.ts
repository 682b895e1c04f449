/** Option names of one real zeromq class, read from the property accessors on its prototype chain. */
export interface OptionTable {
  writable: Map<string, PropertyDescriptor>;
  readOnly: Set<string>;
}

/** The one constructor option that is not a property: the native constructor takes it out itself. */
const CONSTRUCTOR_ONLY = new Set(["context"]);

export function optionTable(realClass: { prototype: object }): OptionTable {
  const table: OptionTable = { writable: new Map(), readOnly: new Set() };
  for (let proto: object | null = realClass.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (table.writable.has(name) || table.readOnly.has(name)) continue;
      if (descriptor.set) table.writable.set(name, descriptor);
      else if (descriptor.get) table.readOnly.add(name);
    }
  }
  return table;
}

/**
 * Rejects unknown or read-only constructor options before any native code runs: the native constructor throws
 * on them after the socket exists, and that half-built socket crashes the process at exit.
 */
export function assertKnownOptions(table: OptionTable, options: unknown, className: string): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object") throw new TypeError(`${className} options must be an object, got ${typeof options}`);
  for (const name of Object.keys(options)) {
    if (CONSTRUCTOR_ONLY.has(name) || table.writable.has(name)) continue;
    if (table.readOnly.has(name)) throw new TypeError(`option ${name} of ${className} is read-only`);
    const guess = closestName(name, [...table.writable.keys(), ...CONSTRUCTOR_ONLY]);
    throw new TypeError(`unknown option ${name}${guess ? `; did you mean ${guess}?` : ` for ${className}`}`);
  }
}

function closestName(name: string, candidates: string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** An option value as plain JSON for the trace. */
export function optionValueForTrace(value: unknown): unknown {
  if (value === null || ["number", "string", "boolean"].includes(typeof value)) return value;
  if (typeof value === "bigint") return value.toString();
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex");
  return String(value);
}
