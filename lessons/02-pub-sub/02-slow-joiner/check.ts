import { count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const publishers = trace.sockets("PUB", "XPUB");
  const subs = trace.sockets("SUB");
  expect("SUB is connected to the publisher", trace.linked("PUB", "SUB") || trace.linked("XPUB", "SUB"), "Connect the Subscriber to the publisher's endpoint.");
  const xpubs = trace.sockets("XPUB");
  const waited = xpubs.some((x) => x.sent.length > 0 && x.received.some((m) => m.t <= x.sent[0].t && (m.frames[0]?.preview ?? "").length > 0));
  expect("The publisher waits for the subscription", waited,
    xpubs.length === 0 ? "A plain PUB cannot know when a subscriber is listening, and a sleep only guesses. Publish from a zmq.XPublisher and await its receive() (the subscription) before the first send."
      : "The XPUB published before it had received any subscription. Await publisher.receive() before the first send.");
  const got = receivedFrom(subs, publishers).length;
  const published = publishers.reduce((n, s) => n + s.totals.sent, 0);
  expect("No reading was lost", published >= 5 && got >= published,
    published < 5 ? `The publisher sent ${count(published, "reading")}; keep sending the five readings.`
      : `The subscriber received ${got} of the ${published} readings published: the rest went out before its subscription arrived.`,
    `All ${published} readings arrived.`);
  expectFinished(trace, expect);
});
