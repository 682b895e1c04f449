import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const router = trace.sockets("ROUTER");
  const dealers = trace.sockets("DEALER");
  expect("DEALERs connect to the ROUTER", trace.linked("DEALER", "ROUTER") && dealers.length >= 2, "Connect two zmq.Dealer clients to the Router's endpoint.");
  const addressed = router.flatMap((s) => s.sent).every((m) => m.frames.length >= 2);
  expect("Replies carry the identity first", addressed && router.some((s) => s.totals.sent > 0),
    "Each ROUTER reply must start with the identity frame it received: send [identity, answer].");
  const short = dealers.filter((d) => d.totals.received < 3);
  expect("Every client got three answers", short.length === 0,
    `${short.length} client(s) got fewer than 3 answers: the ROUTER drops replies whose first frame is not a connected peer's identity.`,
    "Each client got its three answers.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
