import { defineCheck, expectFinished, expectRelay, receivedFrom } from "../../../server/lessons/check-kit.js";

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
  expectRelay(expect, "Every task went through the device", deviceIn, deviceOut, 10, "Keep the device running while the producer sends its ten tasks.");
  const consumers = pulls.filter((s) => !deviceIn.includes(s));
  const got = receivedFrom(consumers, deviceOut).length;
  expect("The consumer got the tasks from the device", got >= 10, `The consumer received ${got} tasks from the device's PUSH; connect it to the device's output.`, `${got} tasks streamed.`);
  expectFinished(trace, expect);
});
