import { count, defineCheck, expectAllClosed, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const rep = trace.sockets("REP").filter((s) => s.binds.length > 0);
  const req = trace.sockets("REQ");
  expect("A REP socket is bound", rep.length > 0, "Bind a zmq.Reply socket to an endpoint.");
  expect("A REQ socket connects to it", trace.linked("REQ", "REP"), "Create a zmq.Request socket and connect it to the endpoint the Reply socket is bound to.");
  const asked = receivedFrom(rep, req).length;
  const answered = receivedFrom(req, rep).length;
  expect("Three requests answered by the REP socket", asked >= 3 && answered >= 3,
    asked < 3 ? `The REP socket received ${count(asked, "request")} from a REQ socket; send "Hello" three times from the client.`
      : `The client received ${count(answered, "reply")} from the REP socket; await client.receive() after each send.`,
    `${asked} requests went REQ → REP and ${answered} replies came back.`);
  expectAllClosed(trace, expect);
  expectFinished(trace, expect);
});
