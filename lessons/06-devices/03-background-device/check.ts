import { defineCheck, expectFinished, peersOf, type SocketView } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pulls = trace.sockets("PULL");
  const pushes = trace.sockets("PUSH");
  // The device's sockets: a bound PULL whose tasks some bound PUSH passes on.
  const deviceIn = pulls.filter((s) => s.binds.length > 0);
  const deviceOut = pushes.filter((s) => s.binds.length > 0);
  expect("The device binds both sides", deviceIn.length > 0 && deviceOut.length > 0, "The STREAMER binds a PULL for producers and a PUSH for consumers.");
  const background = (s: { thread: number; process?: number }) => s.thread !== 0 || s.process !== undefined;
  expect("The device runs in a background thread", deviceIn.length > 0 && deviceIn.every(background) && deviceOut.every(background),
    `${[...deviceIn, ...deviceOut].filter((s) => !background(s)).map((s) => s.label).join(", ") || "The device's sockets"} live in the main thread. Start the device with ThreadDevice so its sockets live in a worker thread.`);
  // End to end: the producer reaches only the device's input, the consumer hears only the device's output, and what
  // the consumer received is what the producer sent. (A thread's last telemetry may be lost as it ends, so the
  // device's own message records are not required.)
  const onlyTo = (s: SocketView, side: SocketView[]) => peersOf(trace, s).length > 0 && peersOf(trace, s).every((p) => side.includes(p));
  const producers = pushes.filter((s) => !deviceOut.includes(s) && onlyTo(s, deviceIn));
  const consumers = pulls.filter((s) => !deviceIn.includes(s) && onlyTo(s, deviceOut));
  const sent = producers.flatMap((s) => s.sent.map((m) => m.fp));
  const got = consumers.flatMap((s) => s.received).filter((m) => sent.includes(m.fp)).length;
  expect("Every task went through the device", got >= 10 && sent.length >= 10,
    producers.length === 0 || consumers.length === 0 ? "Connect the producer to the device's PULL and the consumer to the device's PUSH, and nothing else."
      : `The consumer received ${got} of the producer's ${sent.length} tasks through the device. Keep the device running while the producer sends.`,
    `${got} tasks went producer → device → consumer.`);
  expectFinished(trace, expect);
});
