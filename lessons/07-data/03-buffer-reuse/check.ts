import { count, defineCheck, expectFinished, receivedFrom, type MessageView } from "../../../server/lessons/check-kit.js";
import type { Frame } from "../../../protocol/trace.js";

/** The first float64 of a frame, from its recorded head bytes. */
function firstDouble(frame: Frame | undefined): number | undefined {
  const bytes = frame?.head ? Buffer.from(frame.head, "base64") : Buffer.alloc(0);
  return bytes.length >= 8 ? bytes.readDoubleLE(0) : undefined;
}

const large = (m: MessageView) => m.frames.some((f) => f.size > 128);

export default defineCheck((trace, expect) => {
  const sent = trace.sockets().flatMap((s) => s.sent).filter(large);
  const received = receivedFrom(trace.sockets(), trace.sockets()).filter((m) => m.frames.length > 0);
  const frames = received.filter(large);
  expect("Three frames arrived", received.length >= 3, `The consumer received ${count(received.length, "message")}; send the three video frames.`);
  expect("Frames are large enough to be zero-copy", frames.length >= 3,
    "Keep the video frames large (over 128 bytes), as in the starter: small frames are copied on send and hide the bug.");
  // What each frame held when it was sent (fingerprint) must be what arrived: a buffer changed after send fails it.
  const unclaimed = sent.map((m) => m.fp);
  const changed = frames.filter((m) => {
    const i = unclaimed.indexOf(m.fp);
    if (i < 0) return true;
    unclaimed.splice(i, 1);
    return false;
  });
  const firsts = frames.map((m) => firstDouble(m.frames[0]));
  expect("Each frame kept its own content", frames.length >= 3 && changed.length === 0,
    `The consumer read first pixels ${firsts.join(", ")}: ${count(changed.length, "frame")} arrived different from what was sent, because the buffer was written again after send(). Send a copy or a fresh array per frame, or reuse a buffer only once the consumer has acknowledged it.`,
    `The consumer read ${firsts.join(", ")}, each frame as it was sent.`);
  expectFinished(trace, expect);
});
