import { defineCheck } from "../../../server/lessons/check-kit.js";
import type { Frame } from "../../../protocol/trace.js";

/** The frame's text from its first bytes (head) when recorded, else from the short preview. */
const text = (frame: Frame | undefined) => (frame?.head ? Buffer.from(frame.head, "base64").toString("utf8") : frame?.preview ?? "");

function parses(text: string): boolean {
  try {
    const value = JSON.parse(text) as { celsius?: unknown };
    return typeof value === "object" && value !== null && typeof value.celsius === "number";
  } catch {
    return false;
  }
}

export default defineCheck((trace, expect) => {
  const received = trace.sockets("PULL").flatMap((s) => s.received);
  expect("The collector received readings", received.length >= 3, `The collector received ${received.length} of 3 messages.`);
  expect("No [object Object]", !received.some((m) => m.texts.some((t) => t.includes("[object Object]"))),
    "A frame reads [object Object]: an object was turned into a string. Serialize it with JSON.stringify.");
  expect("Two frames: name, then JSON", received.length > 0 && received.every((m) => m.frames.length === 2 && m.texts[0] === "sensor-7"),
    'Send each reading as two frames: ["sensor-7", JSON.stringify(reading)].');
  expect("The body is JSON", received.length > 0 && received.every((m) => parses(text(m.frames[1]))),
    "The second frame should be the reading as JSON, with its celsius field.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
