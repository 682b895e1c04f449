import { bodyTexts, count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const routers = trace.sockets("ROUTER");
  const reqs = trace.sockets("REQ");
  const workers = reqs.filter((s) => s.sent.some((m) => bodyTexts(m)[0] === "READY"));
  const clients = reqs.filter((s) => !workers.includes(s));
  expect("A broker with two ROUTERs", routers.length >= 2 && routers.every((r) => r.binds.length > 0), "Bind a frontend and a backend zmq.Router.");
  expect("Workers and clients are connected", trace.linked("REQ", "ROUTER") && workers.length >= 2 && clients.length >= 2, "Keep the workers (they send READY) and the clients connected to the broker.");
  const forwarded = routers.flatMap((r) => r.sent).some((m) => m.frames.length >= 5);
  expect("Requests are forwarded with the full envelope", forwarded, 'Forward each request on the backend as [worker, "", client, "", request].');
  const seenBy = (text: string) => receivedFrom(workers, routers).filter((m) => bodyTexts(m).includes(text));
  const requests = clients.flatMap((c) => c.sent.map((m) => ({ c, text: bodyTexts(m).join(" ") })));
  const unanswered = requests.filter(({ c, text }) => {
    const work = seenBy(text)[0];
    return !work || !receivedFrom([c], routers).some((r) => r.t >= work.t && bodyTexts(r).join(" ").includes(text));
  });
  expect("Every request is answered by a worker", requests.length >= 6 && unanswered.length === 0,
    requests.length < 6 ? `The clients sent ${count(requests.length, "request")}.`
      : `${unanswered.slice(0, 2).map((r) => `"${r.text}"`).join(", ")}${unanswered.length > 2 ? ` and ${unanswered.length - 2} more` : ""} never reached a worker and came back answered. Forward each request from the frontend to an idle worker, and the worker's reply back to its client.`,
    `${requests.length} requests, each done by a worker and answered.`);
  const busy = workers.filter((w) => receivedFrom([w], routers).length > 0).length;
  expect("The work is spread", busy >= 2, `${count(busy, "worker")} did any work; take a different idle worker for each request.`, `${busy} workers shared the work.`);
  expectFinished(trace, expect);
});
