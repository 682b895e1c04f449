import { answeredJobs, defineCheck, expectFinished } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const routers = trace.sockets("ROUTER");
  const dealers = trace.sockets("DEALER").filter((d) => trace.edges().some((e) => e.from === d.id && routers.some((r) => r.id === e.to)));
  expect("DEALERs connect to the ROUTER", dealers.length >= 2, "Connect two zmq.Dealer clients to the Router's endpoint.");
  const addressed = routers.flatMap((s) => s.sent).every((m) => m.frames[0]?.envelope === "identity" && m.frames.length >= 2);
  expect("Replies carry the identity first", addressed && routers.some((s) => s.sent.length > 0),
    "Each ROUTER reply must start with the identity frame it received: send [identity, answer].");
  const short = dealers.map((d) => ({ d, ...answeredJobs(d, routers) })).filter((x) => x.asked < 3 || x.answered < x.asked);
  expect("Every job is answered to the client that sent it", short.length === 0,
    short.map(({ d, asked, answered }) => asked < 3 ? `${d.label} had ${asked} of its jobs reach the ROUTER; send three.`
      : `${d.label} got answers to ${answered} of its ${asked} jobs. Answer each job by naming it (done: job 1) and send it back with the identity it came with.`).join(" "),
    "Each client got an answer to each of its jobs.");
  expectFinished(trace, expect);
});
