import { bodyTexts, count, defineCheck, expectFinished, expectRelay, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const xsubs = trace.sockets("XSUB").filter((s) => s.binds.length > 0);
  const xpubs = trace.sockets("XPUB").filter((s) => s.binds.length > 0);
  const subs = trace.sockets("SUB");
  expect("An XSUB frontend and an XPUB backend", xsubs.length > 0 && xpubs.length > 0, "Bind a zmq.XSubscriber for publishers and a zmq.XPublisher for subscribers.");
  expect("Publishers and subscribers connect to the device", trace.linked("PUB", "XSUB") && trace.linked("SUB", "XPUB"), "Connect the sensors' PUB sockets to the XSUB and the dashboard's SUB to the XPUB.");
  expectRelay(expect, "Subscriptions travel upstream", xpubs, xsubs, 1,
    "Publishers drop everything until a subscription reaches them: forward what the XPUB receives to the XSUB.");
  expectRelay(expect, "Readings go through the device", xsubs, xpubs, 5, "Forward what the XSUB receives to the XPUB.");
  const got = receivedFrom(subs, xpubs).map((m) => bodyTexts(m)[0] ?? "");
  const temps = got.filter((t) => t.startsWith("temperature.")).length;
  expect("Readings reach the dashboard", temps >= 5, `The dashboard received ${count(temps, "temperature reading")} from the device; at least 5 should arrive.`, `${temps} temperature readings arrived.`);
  expect("Only what was subscribed", got.length === temps, "The dashboard received topics it did not subscribe to.");
  expectFinished(trace, expect);
});
