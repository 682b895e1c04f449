import { bodyTexts, count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

function reading(text: string): { sensor?: unknown; celsius?: unknown; at?: unknown } | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

export default defineCheck((trace, expect) => {
  const received = receivedFrom(trace.sockets("PULL"), trace.sockets("PUSH"));
  expect("The collector received readings", received.length >= 3, `The collector received ${count(received.length, "message")} from the sensor; send the three readings.`);
  const texts = received.map(bodyTexts);
  expect("No [object Object]", !texts.some((t) => t.some((f) => f.includes("[object Object]"))),
    "A frame reads [object Object]: an object was turned into a string. Serialize it with JSON.stringify.");
  expect("Two frames: name, then JSON", received.length > 0 && texts.every((t) => t.length === 2 && reading(t[1])?.sensor === t[0]),
    'Send each reading as two frames: [reading.sensor, JSON.stringify(reading)].');
  const values = texts.map((t) => reading(t[1] ?? ""));
  expect("The body is the reading as JSON", values.length > 0 && values.every((v) => typeof v?.celsius === "number" && typeof v.at === "string"),
    "The second frame should be the whole reading as JSON: sensor, celsius and at.");
  const celsius = new Set(values.map((v) => v?.celsius));
  expect("Each message carries its own reading", [20, 20.5, 21].every((c) => celsius.has(c)),
    `The readings that arrived say ${[...celsius].join(", ") || "nothing"} °C; the loop makes 20, 20.5 and 21. Serialize each reading the loop makes, not a fixed text.`);
  expectFinished(trace, expect);
});
