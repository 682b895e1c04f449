import { defineCheck } from "../../../server/lessons/check-kit.js";
import type { Frame } from "../../../protocol/trace.js";

/** The first float64 of a frame, from its recorded head bytes (or the hex preview). */
function firstDouble(frame: Frame | undefined): number | undefined {
  const bytes = frame?.head ? Buffer.from(frame.head, "base64") : Buffer.from((frame?.preview ?? "").replace(/…$/, ""), "hex");
  return bytes.length >= 8 ? bytes.readDoubleLE(0) : undefined;
}

export default defineCheck((trace, expect) => {
  const received = trace.sockets("PULL").flatMap((s) => s.received);
  const values = received.map((m) => firstDouble(m.frames[0]));
  expect("Three frames arrived", received.length >= 3, `The consumer received ${received.length} of 3 frames.`);
  expect("Frames are large enough to be zero-copy", received.every((m) => (m.frames[0]?.size ?? 0) > 128), "Keep the frames large (over 128 bytes), as in the starter.");
  expect("Each frame kept its own content", values.slice(0, 3).join() === "0,1,2",
    `The consumer read first pixels ${values.slice(0, 3).join(", ")}: the messages shared one buffer that was changed after send. Send a copy or a fresh array per frame.`,
    "The consumer read 0, 1, 2.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
