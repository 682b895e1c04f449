import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const [xsub] = trace.sockets("XSUB");
  const [xpub] = trace.sockets("XPUB");
  const subs = trace.sockets("SUB");
  expect("An XSUB frontend and an XPUB backend", Boolean(xsub?.binds.length && xpub?.binds.length), "Bind a zmq.XSubscriber for publishers and a zmq.XPublisher for subscribers.");
  expect("Publishers and subscribers connect to the device", trace.linked("PUB", "XSUB") && trace.linked("SUB", "XPUB"), "Connect the sensors' PUB sockets to the XSUB and the dashboard's SUB to the XPUB.");
  expect("Subscriptions travel upstream", (xsub?.totals.sent ?? 0) > 0,
    "The XSUB never sent a subscription to the publishers, so they drop everything. Forward what the XPUB receives to the XSUB.");
  const temps = subs.flatMap((s) => s.received).filter((m) => (m.texts[0] ?? "").startsWith("temperature.")).length;
  const others = subs.flatMap((s) => s.received).filter((m) => !(m.texts[0] ?? "").startsWith("temperature.")).length;
  expect("Readings reach the dashboard", temps >= 5, `The dashboard received ${temps} temperature readings.`, `${temps} temperature readings arrived.`);
  expect("Only what was subscribed", others === 0, "The dashboard received topics it did not subscribe to.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
