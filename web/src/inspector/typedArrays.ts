/** How a frame's bytes read as numbers: the element types zeromq programs commonly send as TypedArrays. */
export type NumericType = "float64" | "float32" | "int32" | "uint8";

interface NumericInfo {
  label: string;
  bytes: number;
  read(view: DataView, offset: number): number;
  digits: number;
}

/** Little-endian, as every platform zeromq.js runs on lays out a TypedArray. */
export const NUMERIC: Record<NumericType, NumericInfo> = {
  float64: { label: "Float64", bytes: 8, read: (v, o) => v.getFloat64(o, true), digits: 12 },
  float32: { label: "Float32", bytes: 4, read: (v, o) => v.getFloat32(o, true), digits: 7 },
  int32: { label: "Int32", bytes: 4, read: (v, o) => v.getInt32(o, true), digits: 0 },
  uint8: { label: "Uint8", bytes: 1, read: (v, o) => v.getUint8(o), digits: 0 },
};

/** Types a frame of `size` bytes could be an array of: the size must be a whole number of elements. */
export function numericTypesFor(size: number): NumericType[] {
  if (size === 0) return [];
  return (Object.keys(NUMERIC) as NumericType[]).filter((t) => size % NUMERIC[t].bytes === 0);
}

export function decodeNumbers(bytes: Uint8Array, type: NumericType): number[] {
  const { bytes: width, read } = NUMERIC[type];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: Math.floor(bytes.length / width) }, (_, i) => read(view, i * width));
}

/** "2x3", "2,3" or "2 3" into [2, 3]; blank means flat. A string is the sentence saying what is wrong. */
export function parseShape(text: string, total: number): number[] | string {
  const trimmed = text.trim();
  if (trimmed === "") return [total];
  const dims = trimmed.split(/\s*[x×,\s]\s*/i).map(Number);
  if (dims.some((d) => !Number.isInteger(d) || d <= 0)) return `"${text}" is not a shape; write sizes such as 2x3.`;
  const product = dims.reduce((a, b) => a * b, 1);
  if (product !== total) return `A ${dims.join("×")} shape holds ${product} values; the frame has ${total}.`;
  return dims;
}

function formatNumber(value: number, type: NumericType): string {
  const { digits } = NUMERIC[type];
  return digits === 0 || !Number.isFinite(value) ? String(value) : String(Number(value.toPrecision(digits)));
}

/** Nested brackets for a shape; the innermost rows on one line each. */
export function formatShaped(values: number[], shape: number[], type: NumericType): string {
  const text = values.map((v) => formatNumber(v, type));
  function nest(offset: number, dims: number[], indent: string): string {
    if (dims.length === 1) return `[${text.slice(offset, offset + dims[0]).join(", ")}]`;
    const stride = dims.slice(1).reduce((a, b) => a * b, 1);
    const rows = Array.from({ length: dims[0] }, (_, i) => nest(offset + i * stride, dims.slice(1), `${indent} `));
    return `[${rows.join(`,\n${indent} `)}]`;
  }
  return nest(0, shape, "");
}
