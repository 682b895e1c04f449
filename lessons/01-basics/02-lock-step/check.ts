import { answeredRequests, defineCheck, expectFinished } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const req = trace.sockets("REQ");
  const rep = trace.sockets("REP");
  const stuck = [
    ...req.flatMap((s) => s.errors).filter((e) => e.op === "send"),
    ...trace.diagnostics("req-send-twice"),
  ];
  expect("REQ is connected to REP", trace.linked("REQ", "REP"), "Keep the Request socket connected to the Reply socket's endpoint.");
  expect("No send before the reply", stuck.length === 0,
    "The REQ socket tried to send again before it had received the reply, and that send could never complete. Receive each reply right after its send.");
  const { ok, wrong } = answeredRequests(req, rep, (request, reply) => reply.includes(request));
  expect("Each reply answers its request", ok >= 3 && wrong.length === 0,
    wrong.length > 0 ? `The reply "${wrong[0].reply}" came back for "${wrong[0].request}". The server should answer each request it received.`
      : `${ok} request(s) got their answer from the REP socket; send three and receive each answer before the next send.`,
    `${ok} requests, each answered in turn.`);
  expectFinished(trace, expect);
});
