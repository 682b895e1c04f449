import { useState } from "react";
import { NUMERIC, decodeNumbers, formatShaped, parseShape, type NumericType } from "./typedArrays.js";

interface Props {
  bytes: Uint8Array;
  size: number;
  type: NumericType;
}

/** A frame read as a typed array, optionally shaped (2x3); only the bytes the trace kept can be shown. */
export function NumbersView({ bytes, size, type }: Props) {
  const [shapeText, setShapeText] = useState("");
  const values = decodeNumbers(bytes, type);
  const total = Math.floor(size / NUMERIC[type].bytes);
  const complete = values.length === total;
  const shape = complete ? parseShape(shapeText, total) : [values.length];
  return (
    <div className="numbers-view">
      <div className="numbers-head">
        <span>
          {NUMERIC[type].label}Array({total})
        </span>
        {complete && (
          <label className="shape-input">
            Shape <input value={shapeText} onChange={(ev) => setShapeText(ev.target.value)} placeholder={String(total)} size={8} aria-label="Array shape" />
          </label>
        )}
      </div>
      {typeof shape === "string" && (
        <p className="error-text" role="status">
          {shape}
        </p>
      )}
      {!complete && (
        <p className="partial-note">
          Only the first {bytes.length} bytes were recorded: showing {values.length} of {total} values.
        </p>
      )}
      <pre className="frame-body" data-frame-view={type}>
        {formatShaped(values, typeof shape === "string" ? [values.length] : shape, type)}
      </pre>
    </div>
  );
}
