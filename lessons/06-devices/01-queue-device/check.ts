import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const [router] = trace.sockets("ROUTER");
  const [dealer] = trace.sockets("DEALER");
  const clients = trace.sockets("REQ");
  expect("A ROUTER frontend and a DEALER backend", Boolean(router?.binds.length && dealer?.binds.length), "Bind a zmq.Router for clients and a zmq.Dealer for workers.");
  expect("Clients and workers connect to the device", trace.linked("REQ", "ROUTER") && trace.linked("REP", "DEALER"), "Connect the REQ clients to the ROUTER and the REP workers to the DEALER.");
  expect("Requests flow to the workers", (dealer?.totals.sent ?? 0) >= 6, "The DEALER should forward every request to a worker.");
  expect("Replies flow back", (router?.totals.sent ?? 0) >= 6, `The ROUTER sent ${router?.totals.sent ?? 0} replies to clients; forward the backend's messages to the frontend too.`);
  const answered = clients.reduce((n, s) => n + s.totals.received, 0);
  expect("Every request was answered", answered >= 6, `The clients received ${answered} of 6 replies.`, "6 replies.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
