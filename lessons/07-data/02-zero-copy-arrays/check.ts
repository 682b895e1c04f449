import { count, defineCheck, expectFinished, frameText, receivedFrom } from "../../../server/lessons/check-kit.js";
import type { Frame } from "../../../protocol/trace.js";

const BYTES = 500 * 500 * 8;

function header(frame: Frame | undefined): { dtype?: unknown; shape?: unknown } {
  try {
    return (JSON.parse(frameText(frame)) as { dtype?: unknown; shape?: unknown }) ?? {};
  } catch {
    return {};
  }
}

/** The doubles in a frame's recorded first bytes. */
function firstDoubles(frame: Frame | undefined): number[] {
  const bytes = frame?.head ? Buffer.from(frame.head, "base64") : Buffer.alloc(0);
  return Array.from({ length: Math.floor(bytes.length / 8) }, (_, i) => bytes.readDoubleLE(i * 8));
}

export default defineCheck((trace, expect) => {
  const sent = trace.sockets("PUSH").flatMap((s) => s.sent);
  // The checked transfer is the first message; the measurement messages start with "copy" or "view".
  const first = sent.find((m) => m.texts[0] !== "copy" && m.texts[0] !== "view");
  expect("The matrix was sent", Boolean(first), "Call sendArray(producer, matrix, shape) once.");
  const bytes = first?.frames.reduce((n, f) => n + f.size, 0) ?? 0;
  expect("No JSON text for the numbers", first !== undefined && !first.frames.some((f) => f.size > BYTES || (f.size > 1000 && /^\s*\[?-?\d/.test(frameText(f)))),
    `The message carries ${bytes} bytes for ${BYTES} bytes of doubles, as text. Send the Float64Array itself as a frame.`);
  expect("Two frames: header, then data", first?.frames.length === 2, "Send [JSON.stringify(header), array]: two frames.");
  const h = header(first?.frames[0]);
  expect("The header has dtype and shape", h.dtype === "float64" && JSON.stringify(h.shape) === "[500,500]", 'The first frame should be JSON like {"dtype":"float64","shape":[500,500]}.');
  const values = firstDoubles(first?.frames[1]);
  const matrix = first?.frames[1]?.size === BYTES && values.length >= 8 && values.every((v, i) => Math.abs(v - Math.sin(i)) < 1e-12);
  expect("The data frame is the matrix", matrix,
    first?.frames[1]?.size !== BYTES ? `The second frame is ${first?.frames[1]?.size ?? 0} bytes; it should be exactly ${BYTES}: 250,000 doubles of 8 bytes.`
      : `The second frame starts ${values.slice(0, 3).map((v) => v.toFixed(3)).join(", ")}, not the matrix's sin(0), sin(1), sin(2). Send the array you were given.`);
  const got = first ? receivedFrom(trace.sockets("PULL"), trace.sockets("PUSH")).filter((m) => m.fp === first.fp).length : 0;
  expect("The consumer received it", got >= 1, `The consumer received ${count(got, "copy")} of the matrix message; receive it with receiveArray.`);
  expectFinished(trace, expect);
});
