import { answeredJobs, bodyTexts, defineCheck, expectFinished, expectRelay, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const routers = trace.sockets("ROUTER").filter((s) => s.binds.length > 0);
  const dealers = trace.sockets("DEALER").filter((s) => s.binds.length > 0);
  const clients = trace.sockets("REQ");
  const workers = trace.sockets("REP");
  expect("A ROUTER frontend and a DEALER backend", routers.length > 0 && dealers.length > 0, "Bind a zmq.Router for clients and a zmq.Dealer for workers.");
  expect("Clients and workers connect to the device", trace.linked("REQ", "ROUTER") && trace.linked("REP", "DEALER"), "Connect the REQ clients to the ROUTER and the REP workers to the DEALER.");
  expectRelay(expect, "Requests go through the device", routers, dealers, 6, "Forward what the ROUTER receives to the DEALER.");
  expectRelay(expect, "Replies come back through the device", dealers, routers, 6, "Forward what the DEALER receives back to the ROUTER too.");
  const worked = receivedFrom(workers, dealers).map((m) => bodyTexts(m).join(" "));
  const results = clients.map((c) => answeredJobs(c, routers));
  const asked = results.reduce((n, r) => n + r.asked, 0);
  const answered = results.reduce((n, r) => n + r.answered, 0);
  const byWorker = clients.flatMap((c) => c.sent).filter((m) => worked.includes(bodyTexts(m).join(" "))).length;
  expect("Every request is answered by a worker", asked >= 6 && answered === asked && byWorker === asked,
    asked < 6 ? `${asked} request(s) reached the device; the clients should send six.`
      : `${answered} of ${asked} requests came back answered, ${byWorker} of them after a worker received them.`,
    `${asked} requests, each answered by a worker.`);
  expectFinished(trace, expect);
});
