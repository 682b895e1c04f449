import { defineCheck } from "../../../server/lessons/check-kit.js";
import type { Frame } from "../../../protocol/trace.js";

const BYTES = 500 * 500 * 8;

function header(frame: Frame | undefined): { dtype?: unknown; shape?: unknown } {
  try {
    return JSON.parse(frame?.head ? Buffer.from(frame.head, "base64").toString("utf8") : frame?.preview ?? "") ?? {};
  } catch {
    return {};
  }
}

export default defineCheck((trace, expect) => {
  const sent = trace.sockets("PUSH").flatMap((s) => s.sent);
  // The checked transfer is the first message; the measurement messages start with "copy" or "view".
  const first = sent.find((m) => m.texts[0] !== "copy" && m.texts[0] !== "view");
  expect("The matrix was sent", Boolean(first), "Call sendArray(producer, matrix, shape) once.");
  const text = first?.frames.some((f) => f.size > BYTES) ?? false;
  expect("No JSON text for the numbers", first !== undefined && !text,
    `The message carries ${first?.frames.reduce((n, f) => n + f.size, 0) ?? 0} bytes for ${BYTES} bytes of doubles: numbers as text. Send the array itself.`);
  expect("Two frames: header, then data", first?.frames.length === 2, "Send [JSON.stringify(header), array]: two frames.");
  const h = header(first?.frames[0]);
  expect("The header has dtype and shape", h.dtype === "float64" && JSON.stringify(h.shape) === "[500,500]", 'The first frame should be JSON like {"dtype":"float64","shape":[500,500]}.');
  expect("The data frame is the raw array", first?.frames[1]?.size === BYTES, `The second frame should be exactly ${BYTES} bytes: 250,000 doubles of 8 bytes.`);
  const received = trace.sockets("PULL").flatMap((s) => s.received);
  expect("The consumer received it", received.some((m) => m.frames.length === 2 && m.frames[1].size === BYTES && m.texts[0] !== "copy" && m.texts[0] !== "view"), "The consumer should receive the same two frames.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
