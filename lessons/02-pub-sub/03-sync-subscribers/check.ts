import { count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const publishers = trace.sockets("PUB", "XPUB").filter((p) => p.sent.length > 0);
  const subs = trace.sockets("SUB");
  expect("Subscribers are connected", subs.length >= 3 && (trace.linked("PUB", "SUB") || trace.linked("XPUB", "SUB")), "Keep the subscribers connected to the publisher.");
  const firstPublish = Math.min(...publishers.map((p) => p.sent[0].t));
  // Before the first publish, the publisher heard from every subscriber: a subscription each (XPUB) or a sync request each (REP).
  const subscriptions = trace.sockets("XPUB").flatMap((x) => x.received).filter((m) => m.t <= firstPublish && m.frames[0]?.head && Buffer.from(m.frames[0].head, "base64")[0] === 1).length;
  const syncs = trace.sockets("REP").flatMap((r) => r.received).filter((m) => m.t <= firstPublish).length;
  const heard = Math.max(subscriptions, syncs);
  expect("The publisher waited for every subscriber", publishers.length > 0 && heard >= subs.length,
    publishers.length === 0 ? "The publisher sent no update at all." : `Before its first update the publisher had heard from ${count(heard, "subscriber")} of ${subs.length}. An XPUB passes on only the first subscription to a topic unless verbosity is "allSubs"; count one per subscriber (or a REQ/REP "ready" each) before publishing.`,
    `The publisher heard from all ${subs.length} subscribers before publishing.`);
  const sent = publishers.reduce((n, p) => n + p.totals.sent, 0);
  const short = subs.filter((s) => receivedFrom([s], publishers).length < sent / subs.length);
  expect("Every subscriber got every update", publishers.length > 0 && short.length === 0,
    `${short.map((s) => `${s.label} received ${receivedFrom([s], publishers).length}`).join(", ")}: updates went out before their subscriptions arrived.`);
  expectFinished(trace, expect);
});
