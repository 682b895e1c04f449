import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const publishers = trace.sockets("PUB", "XPUB");
  const subs = trace.sockets("SUB");
  const published = publishers.reduce((n, s) => n + s.totals.sent, 0);
  const got = subs.reduce((n, s) => n + s.totals.received, 0);
  expect("SUB is connected to the publisher", trace.linked("PUB", "SUB") || trace.linked("XPUB", "SUB"), "Connect the Subscriber to the publisher's endpoint.");
  expect("Five readings published", published >= 5, `The publisher sent ${published} message(s); keep sending the five readings.`);
  expect("No reading was lost", got >= 5,
    `The subscriber received ${got} of 5 readings: the rest were sent before its subscription arrived. Wait for the subscription (XPublisher.receive()) before publishing.`,
    "All five readings arrived.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
