import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const rep = trace.sockets("REP");
  const req = trace.sockets("REQ");
  expect("A REP socket is bound", rep.some((s) => s.binds.length > 0), "Bind a zmq.Reply socket to an endpoint.");
  expect("A REQ socket connects to it", trace.linked("REQ", "REP"), "Create a zmq.Request socket and connect it to the endpoint the Reply socket is bound to.");
  const sent = req.reduce((n, s) => n + s.totals.sent, 0);
  const answered = req.reduce((n, s) => n + s.totals.received, 0);
  expect("Three requests were sent", sent >= 3, `The REQ socket sent ${sent} request(s); send "Hello" three times.`, `${sent} requests sent.`);
  expect("Every request got its reply", answered >= 3 && answered === sent, `The REQ socket received ${answered} of ${sent} replies; receive after each send.`);
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
