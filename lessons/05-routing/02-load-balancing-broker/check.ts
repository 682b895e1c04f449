import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const routers = trace.sockets("ROUTER");
  const reqs = trace.sockets("REQ");
  const workers = reqs.filter((s) => s.sent.some((m) => m.texts[0] === "READY"));
  const clients = reqs.filter((s) => !workers.includes(s));
  expect("A broker with two ROUTERs", routers.length >= 2 && routers.every((r) => r.binds.length > 0), "Bind a frontend and a backend zmq.Router.");
  expect("Workers and clients are connected", trace.linked("REQ", "ROUTER") && workers.length >= 3 && clients.length >= 3, "Keep the three workers (they send READY) and three clients connected to the broker.");
  const forwarded = routers.flatMap((r) => r.sent).some((m) => m.frames.length >= 5);
  expect("Requests are forwarded with the full envelope", forwarded, 'Forward each request on the backend as [worker, "", client, "", request].');
  const answered = clients.reduce((n, s) => n + s.totals.received, 0);
  expect("Every client was answered", answered >= 9, `The clients received ${answered} of 9 replies; forward requests from the frontend to an idle worker.`, "9 replies.");
  const busy = workers.filter((w) => w.totals.received > 0).length;
  expect("The work is spread", busy >= 2, `${busy} worker(s) did any work; take a different idle worker for each request.`, `${busy} workers shared the work.`);
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
