import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const req = trace.sockets("REQ");
  const sent = req.reduce((n, s) => n + s.totals.sent, 0);
  const replies = req.reduce((n, s) => n + s.totals.received, 0);
  const efsm = [
    ...req.flatMap((s) => s.errors).filter((e) => e.code === "EFSM" || /current state/.test(e.message)),
    ...trace.diagnostics("req-send-twice"),
  ];
  expect("REQ is connected to REP", trace.linked("REQ", "REP"), "Keep the Request socket connected to the Reply socket's endpoint.");
  expect("No EFSM error", efsm.length === 0 && !/EFSM/.test(trace.stdout), "The REQ socket raised EFSM: it sent again before receiving the reply. Receive each reply right after its send.");
  expect("Three requests sent", sent >= 3, `The REQ socket sent ${sent} request(s); it should send three.`, `${sent} requests sent.`);
  expect("Every request got its reply", replies === sent && replies >= 3, `The REQ socket received ${replies} of ${sent} replies; receive after every send.`);
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
