import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const bound = (kind: "PULL" | "PUSH", port: string) => trace.sockets(kind).find((s) => s.binds.some((e) => e.endsWith(`:${port}`)));
  const deviceIn = bound("PULL", "5563");
  const deviceOut = bound("PUSH", "5564");
  expect("The device binds both sides", Boolean(deviceIn && deviceOut), "The STREAMER binds a PULL on tcp://127.0.0.1:5563 and a PUSH on tcp://127.0.0.1:5564.");
  const inThread = deviceIn && deviceOut ? deviceIn.thread !== 0 && deviceOut.thread !== 0 : false;
  expect("The device runs in a background thread", inThread,
    "The device's sockets live in the main thread. Start it with ThreadDevice so it runs in a worker thread.");
  const consumer = trace.sockets("PULL").find((s) => s !== deviceIn && s.connects.length > 0);
  const got = consumer?.totals.received ?? 0;
  expect("Every task went through the device", got >= 10 && (deviceOut?.totals.sent ?? 0) >= 10,
    `The consumer received ${got} of 10 tasks; the device must be running while the producer sends.`, "10 tasks streamed.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
